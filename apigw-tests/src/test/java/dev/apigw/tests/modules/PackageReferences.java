package dev.apigw.tests.modules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The {@code dev.apigw.*} packages that compiled classes reference, as the JDK's {@code jdeps}
 * reports them ({@code -verbose:package}). A directory with a {@code module-info.class} is copied
 * without it first, so that jdeps reads the classes alone and does not resolve the module's
 * dependencies.
 */
final class PackageReferences {
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    private final ToolProvider jdeps =
            ToolProvider.findFirst("jdeps")
                    .orElseThrow(() -> new IllegalStateException("this JDK has no jdeps"));
    private final Path scratch;

    /** Makes a reader that copies module classes under {@code scratch}. */
    PackageReferences(Path scratch) {
        this.scratch = scratch;
    }

    /** Returns the {@code dev.apigw.*} packages the classes under {@code classes} reference. */
    Set<String> of(Path classes) {
        Path input = Files.exists(classes.resolve("module-info.class")) ? copy(classes) : classes;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                jdeps.run(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        "-verbose:package",
                        "-e",
                        "dev\\.apigw\\..*",
                        input.toString());
        String report = out.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException(
                    "jdeps failed on " + classes + ": " + err.toString(StandardCharsets.UTF_8));
        }
        Set<String> packages = new TreeSet<>();
        for (String line : report.split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                packages.add(edge.group(2));
            }
        }
        return packages;
    }

    private Path copy(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            Path target = Files.createTempDirectory(scratch, "classes");
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = classes.relativize(file);
                if (!file.getFileName().toString().equals("module-info.class")
                        && Files.isRegularFile(file)) {
                    Path copied = target.resolve(relative.toString());
                    Files.createDirectories(copied.getParent());
                    Files.copy(file, copied);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the packages of the class files under {@code classes}. */
    static Set<String> packagesIn(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            Set<String> packages = new TreeSet<>();
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()))
                    .filter(dir -> !dir.toString().isEmpty())
                    .forEach(dir -> packages.add(String.join(".", names(dir))));
            return packages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) {
        return Stream.iterate(0, i -> i < dir.getNameCount(), i -> i + 1)
                .map(i -> dir.getName(i).toString())
                .toList();
    }
}
