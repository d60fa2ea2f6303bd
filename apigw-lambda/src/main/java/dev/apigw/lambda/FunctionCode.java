package dev.apigw.lambda;

import dev.apigw.model.FunctionConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a template function's code is on this machine, as the class path the Lambda Java runtime
 * would build from its deployment package: the package's root (a directory or a jar) first, then
 * its {@code lib/*.jar} sorted by name (Lambda's class path is {@code /var/task} then {@code
 * /var/task/lib/*}).
 *
 * <p>{@link #locate} looks, in this order, in {@code sam build}'s directory {@code
 * .aws-sam/build/<LogicalId>/} when it holds classes or {@code lib/} jars, then at {@code CodeUri}:
 * a jar, a zip in Lambda's layout (classes at the root, dependency jars in {@code lib/}), a
 * directory holding classes and/or {@code lib/*.jar}, or a Maven or Gradle project directory whose
 * build made a deployment package ({@link BuildOutput}). A zip, or a jar that holds {@code
 * lib/*.jar} itself, is extracted once into a temporary directory, within {@link ZipExtraction}'s
 * bounds; that directory is deleted by {@link #close()} or when the JVM exits.
 */
public final class FunctionCode implements AutoCloseable {
    private static final List<String> SOURCE_MARKERS =
            List.of("pom.xml", "build.gradle", "build.gradle.kts", "src");

    private final String logicalId;
    private final Path location;
    private final List<Path> classpath;
    private final Path extracted;

    private FunctionCode(String logicalId, Path location, List<Path> classpath, Path extracted) {
        this.logicalId = logicalId;
        this.location = location;
        this.classpath = List.copyOf(classpath);
        this.extracted = extracted;
    }

    /**
     * Finds the code of a function: its {@code sam build} directory when built, else its {@code
     * CodeUri}.
     *
     * @throws FunctionCodeException when the code is not there, not built, or not local (S3 or
     *     inline); the message is one line naming the logical id
     */
    public static FunctionCode locate(FunctionConfiguration function) {
        String id = function.logicalId();
        Optional<Path> built = function.samBuildDirectory().filter(FunctionCode::holdsCode);
        if (built.isPresent()) {
            return ofDirectory(id, built.get());
        }
        Path code =
                function.codeUri()
                        .orElseThrow(
                                () ->
                                        new FunctionCodeException(
                                                id
                                                        + ": code is in S3 or inline; bind it"
                                                        + " with --lambda"));
        String shown = shown(function, code);
        if (Files.isDirectory(code)) {
            List<String> markers = sourceMarkers(code);
            if (markers.isEmpty() && holdsCode(code)) {
                return ofDirectory(id, code);
            }
            if (markers.isEmpty()) {
                throw new FunctionCodeException(
                        id + ": CodeUri " + shown + " holds no classes and no lib/*.jar");
            }
            Path artifact =
                    BuildOutput.find(id, code)
                            .orElseThrow(
                                    () ->
                                            new FunctionCodeException(
                                                    id + ": " + notBuilt(shown, markers)));
            return ofArchive(id, artifact, shown);
        }
        if (!Files.isRegularFile(code)) {
            throw new FunctionCodeException(id + ": CodeUri " + shown + " not found");
        }
        return ofArchive(id, code, shown);
    }

    private static FunctionCode ofArchive(String id, Path code, String shown) {
        String name = code.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jar") && !ZipExtraction.holdsLibJars(id, code)) {
            return new FunctionCode(id, code, List.of(code), null);
        }
        if (name.endsWith(".jar") || name.endsWith(".zip")) {
            Path dir = ZipExtraction.extract(id, code);
            return new FunctionCode(id, code, entries(dir), dir);
        }
        throw new FunctionCodeException(
                id + ": CodeUri " + shown + " is neither a jar, a zip nor a directory");
    }

    /** Returns the logical id of the function. */
    public String logicalId() {
        return logicalId;
    }

    /**
     * Returns where the code was found: the {@code sam build} directory, the {@code CodeUri}
     * directory, jar or zip (not the directory a zip was extracted to).
     */
    public Path location() {
        return location;
    }

    /** Returns the class path in Lambda's order: the root, then {@code lib/*.jar} by name. */
    public List<Path> classpath() {
        return classpath;
    }

    /** Deletes the directory a zip was extracted to, if any; the class path is then gone. */
    @Override
    public void close() {
        if (extracted != null) {
            ZipExtraction.delete(extracted);
        }
    }

    @Override
    public String toString() {
        return "FunctionCode{" + logicalId + ", " + location + "}";
    }

    private static FunctionCode ofDirectory(String id, Path dir) {
        return new FunctionCode(id, dir, entries(dir), null);
    }

    private static List<Path> entries(Path root) {
        List<Path> entries = new ArrayList<>();
        entries.add(root);
        entries.addAll(libJars(root));
        return entries;
    }

    private static List<Path> libJars(Path root) {
        Path lib = root.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a directory holds a class file at any depth, or {@code lib/*.jar}. */
    private static boolean holdsCode(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (!libJars(dir).isEmpty()) {
            return true;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sourceMarkers(Path dir) {
        return SOURCE_MARKERS.stream().filter(m -> Files.exists(dir.resolve(m))).toList();
    }

    private static String notBuilt(String shown, List<String> markers) {
        String build =
                markers.contains("pom.xml")
                        ? "'sam build' or 'mvn package'"
                        : markers.get(0).startsWith("build.gradle")
                                ? "'sam build' or 'gradle build'"
                                : "'sam build'";
        return "code not built: CodeUri "
                + shown
                + " is a source directory ("
                + String.join(", ", markers)
                + ", no classes); run "
                + build
                + " first";
    }

    /** The code path relative to the template's directory when known, as the template says it. */
    private static String shown(FunctionConfiguration function, Path code) {
        Optional<Path> templateDir =
                function.samBuildDirectory().map(Path::toAbsolutePath).map(FunctionCode::up3);
        Path absolute = code.toAbsolutePath().normalize();
        if (templateDir.isPresent() && absolute.startsWith(templateDir.get().normalize())) {
            Path relative = templateDir.get().normalize().relativize(absolute);
            return relative.toString().isEmpty() ? "." : relative.toString();
        }
        return code.toString();
    }

    /** {@code <templateDir>} of {@code <templateDir>/.aws-sam/build/<LogicalId>}. */
    private static Path up3(Path samBuildDirectory) {
        Path p = samBuildDirectory;
        for (int i = 0; i < 3 && p != null; i++) {
            p = p.getParent();
        }
        return p;
    }
}
