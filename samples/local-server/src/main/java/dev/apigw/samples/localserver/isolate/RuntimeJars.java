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
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The jars of the Lambda runtime interface client and the libraries it runs on ({@code
 * aws-lambda-java-core}, {@code aws-lambda-java-serialization}, the SDK's {@code utils-lite}): the
 * build copies them under {@code META-INF/apigw/lambda-runtime/} (so {@code apigw-local.jar}
 * carries them nested, never on the server's own classpath), listed in {@code jars.txt}; this
 * extracts them once into a temporary directory, the child JVMs' runtime directory, with the
 * client's native library for this platform. The client itself would unpack that library to the
 * fixed path {@code /tmp/.libaws-lambda-jni.so} in every process it starts, so two processes
 * starting at once overwrite the file the other is loading (a SIGBUS in {@code ld.so}); each child
 * is given this copy instead ({@link #nativeLibrary()}).
 */
final class RuntimeJars implements AutoCloseable {
    private static final String FOLDER = "/META-INF/apigw/lambda-runtime/";

    private static final String CLIENT = "aws-lambda-java-runtime-interface-client";

    private final Path directory;
    private final List<Path> jars;
    private final Path nativeLibrary;

    private RuntimeJars(Path directory, List<Path> jars, Path nativeLibrary) {
        this.directory = directory;
        this.jars = List.copyOf(jars);
        this.nativeLibrary = nativeLibrary;
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
        return new RuntimeJars(directory, jars, nativeLibrary(directory, jars));
    }

    /**
     * Copies the client's native library for this machine ({@code jni/libaws-lambda-jni.<os>-<arch>
     * .so} in its jar) beside the jars; null when the platform has none (the client then loads its
     * own).
     */
    private static Path nativeLibrary(Path directory, List<Path> jars) throws IOException {
        Path client =
                jars.stream()
                        .filter(j -> j.getFileName().toString().startsWith(CLIENT))
                        .findFirst()
                        .orElse(null);
        String arch = System.getProperty("os.arch", "");
        String cpu =
                arch.equals("amd64") || arch.equals("x86_64")
                        ? "x86_64"
                        : arch.equals("aarch64") ? "aarch_64" : null;
        if (client == null || cpu == null) {
            return null;
        }
        boolean musl;
        try (Stream<Path> lib = Files.list(Path.of("/lib"))) {
            musl = lib.anyMatch(f -> f.getFileName().toString().startsWith("ld-musl-"));
        } catch (IOException e) {
            musl = false;
        }
        String entry = "jni/libaws-lambda-jni." + (musl ? "linux_musl-" : "linux-") + cpu + ".so";
        try (ZipFile zip = new ZipFile(client.toFile())) {
            ZipEntry library = zip.getEntry(entry);
            if (library == null) {
                return null;
            }
            Path target = directory.resolve("libaws-lambda-jni.so");
            try (InputStream in = zip.getInputStream(library)) {
                Files.copy(in, target);
            }
            return target;
        }
    }

    /**
     * Returns the client's native library extracted for this machine, or empty when it has none for
     * this platform.
     */
    Optional<Path> nativeLibrary() {
        return Optional.ofNullable(nativeLibrary);
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
