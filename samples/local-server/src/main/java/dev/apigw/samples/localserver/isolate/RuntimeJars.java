package dev.apigw.samples.localserver.isolate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars of the Lambda runtime interface client and the libraries it runs on ({@code
 * aws-lambda-java-core}, {@code aws-lambda-java-serialization}, the SDK's {@code utils-lite}): the
 * build copies them under {@code META-INF/apigw/lambda-runtime/} (so {@code apigw-local.jar}
 * carries them nested, never on the server's own classpath), listed in {@code jars.txt}; this
 * extracts them once into a temporary directory, the child JVMs' runtime directory.
 */
final class RuntimeJars implements AutoCloseable {
    private static final String FOLDER = "/META-INF/apigw/lambda-runtime/";

    private final Path directory;
    private final List<Path> jars;

    private RuntimeJars(Path directory, List<Path> jars) {
        this.directory = directory;
        this.jars = List.copyOf(jars);
    }

    /** Extracts the jars into a new temporary directory. */
    static RuntimeJars extract() throws IOException {
        Path directory = Files.createTempDirectory("apigw-lambda-runtime");
        List<Path> jars = new ArrayList<>();
        for (String name : index()) {
            try (InputStream in = RuntimeJars.class.getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IOException(
                            "The Lambda runtime interface client is missing from this build: "
                                    + FOLDER
                                    + name);
                }
                Path jar = directory.resolve(name);
                Files.copy(in, jar);
                jars.add(jar);
            }
        }
        return new RuntimeJars(directory, jars);
    }

    /** Returns the directory holding the jars ({@code LAMBDA_RUNTIME_DIR}). */
    Path directory() {
        return directory;
    }

    /** Returns the jars, the start of a child JVM's class path. */
    List<Path> jars() {
        return jars;
    }

    /** Deletes the extracted jars. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> index() throws IOException {
        try (InputStream in = RuntimeJars.class.getResourceAsStream(FOLDER + "jars.txt")) {
            if (in == null) {
                throw new IOException("No " + FOLDER + "jars.txt in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}
