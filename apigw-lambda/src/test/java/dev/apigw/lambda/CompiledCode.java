package dev.apigw.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources into class directories, and packs directories into jars and zips, so that
 * tests load functions from code built as a user's build makes it. Sources see
 * aws-lambda-java-core, aws-lambda-java-events and the extra class path given.
 */
final class CompiledCode {
    private CompiledCode() {}

    /**
     * Compiles sources (class name to source text) into a new directory under {@code work} and
     * returns it.
     */
    static Path compile(Path work, Map<String, String> sources, Path... classpath)
            throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        List<String> args = new ArrayList<>();
        Path out = Files.createTempDirectory(work, "classes");
        List<String> cp =
                new ArrayList<>(
                        List.of(
                                jarOf(RequestHandler.class),
                                jarOf(APIGatewayProxyRequestEvent.class)));
        for (Path p : classpath) {
            cp.add(p.toString());
        }
        args.addAll(
                List.of(
                        "--release",
                        "17",
                        "-proc:none",
                        "-classpath",
                        String.join(java.io.File.pathSeparator, cp),
                        "-d",
                        out.toString()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        assertThat(status).as("javac status").isZero();
        return out;
    }

    /**
     * Packs a directory's files into an archive (a jar or a zip: the same format), each at its path
     * relative to the directory, then the extra entries (name to file).
     */
    static Path pack(Path dir, Path archive, Map<String, Path> extra) throws IOException {
        Files.createDirectories(archive.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive));
                Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name =
                        dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                put(zip, name, Files.readAllBytes(file));
            }
            for (Map.Entry<String, Path> e : extra.entrySet()) {
                put(zip, e.getKey(), Files.readAllBytes(e.getValue()));
            }
        }
        return archive;
    }

    /** Writes one entry. */
    static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Copies a directory tree into another. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The Java source of a class, from its lines. */
    static String source(String... lines) {
        return Stream.of(lines).collect(Collectors.joining("\n"));
    }

    /** The jar or directory a class was loaded from. */
    static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
