package dev.apigw.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The deployment package a function's own build made in its project directory, for a {@code
 * CodeUri} that names the project rather than its output: Gradle's {@code
 * build/distributions/*.zip} (the {@code buildZip} task of Lambda's Java guide, in Lambda's
 * layout), else the one jar of {@code build/libs/} or Maven's {@code target/} (a shaded jar when
 * the project shades, as SAM's Java templates do); jars of sources, Javadoc or tests, Gradle's
 * {@code -plain} jar and the shade plugin's {@code original-} copy are not packages.
 */
final class BuildOutput {
    /** Where builds put packages, in the order they are looked at. */
    private static final List<Place> PLACES =
            List.of(
                    new Place("build/distributions", ".zip"),
                    new Place("build/libs", ".jar"),
                    new Place("target", ".jar"));

    private BuildOutput() {}

    /** A directory of a project and the extension of the packages a build puts there. */
    private record Place(String directory, String extension) {}

    /**
     * Returns the package the build made, if there is exactly one candidate.
     *
     * @throws FunctionCodeException when the build made several, naming them
     */
    static Optional<Path> find(String logicalId, Path project) {
        for (Place place : PLACES) {
            List<Path> found = candidates(project.resolve(place.directory()), place.extension());
            if (found.size() > 1) {
                throw new FunctionCodeException(
                        logicalId
                                + ": CodeUri "
                                + project.getFileName()
                                + " has several built packages ("
                                + found.stream()
                                        .map(p -> project.relativize(p).toString())
                                        .collect(Collectors.joining(", "))
                                + "); point CodeUri at one");
            }
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates(Path dir, String extension) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> isPackage(p.getFileName().toString(), extension))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPackage(String name, String extension) {
        return name.endsWith(extension)
                && !name.startsWith("original-")
                && !name.endsWith("-sources.jar")
                && !name.endsWith("-javadoc.jar")
                && !name.endsWith("-tests.jar")
                && !name.endsWith("-plain.jar");
    }
}
