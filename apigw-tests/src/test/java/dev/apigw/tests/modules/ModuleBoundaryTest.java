package dev.apigw.tests.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module boundaries of issue 10 item 5, checked on the classes the reactor compiled: every
 * library module and every sample (the samples are our users) uses, of another library module, only
 * the packages that module's {@code module-info.java} exports, to everyone or to it by name. javac
 * enforces this for the library modules already; the samples are on the class path, where nothing
 * else would notice. The references come from the JDK's {@code jdeps}, the exports from each
 * module's compiled {@code module-info.class}.
 *
 * <p>The benchmarks are exempt: they measure internals (the route matcher) on purpose and are never
 * a dependency of anything. This module's own tests are exempt too (they test internals).
 *
 * <p>The classes are read from each module's {@code target} directory: a reactor build ({@code mvn
 * verify}, or {@code -pl apigw-tests -am}) compiles them before this module's tests run; this
 * module's test-scoped dependencies on the samples keep that order.
 */
class ModuleBoundaryTest {
    private static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();

    /** The library modules: directory, module name. */
    private static final Map<String, String> LIBRARIES =
            Map.of(
                    "apigw-model", "dev.apigw.model",
                    "apigw-runtime", "dev.apigw.runtime",
                    "apigw-lambda", "dev.apigw.lambda",
                    "apigw-servlet", "dev.apigw.servlet",
                    "apigw-testkit", "dev.apigw.testkit",
                    "apigw-redis", "dev.apigw.redis");

    private static final String[] SAMPLES = {
        "samples/petstore", "samples/lambda-adapter", "samples/local-server"
    };

    @TempDir static Path scratch;
    private static ModuleBoundaries boundaries;
    private static PackageReferences references;

    @BeforeAll
    static void readDescriptors() {
        Map<String, ModuleDescriptor> descriptors = new LinkedHashMap<>();
        LIBRARIES.forEach((dir, name) -> descriptors.put(name, descriptor(classes(dir))));
        boundaries = new ModuleBoundaries(descriptors);
        references = new PackageReferences(scratch);
    }

    static Stream<String> libraries() {
        return LIBRARIES.keySet().stream().sorted();
    }

    /** Each user: a library module's or a sample's classes (a sample's tests are users too). */
    static Stream<String> users() {
        Stream<String> samples =
                Stream.of(SAMPLES).flatMap(s -> Stream.of(s + "/classes", s + "/test-classes"));
        return Stream.concat(libraries().map(dir -> dir + "/classes"), samples);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void libraryModule_compiled_hasItsModuleName(String dir) {
        assertThat(descriptor(classes(dir)).name()).isEqualTo(LIBRARIES.get(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void packagesOfOtherLibraryModules_usedByAModuleOrSample_areExportedToIt(String user) {
        String dir = user.substring(0, user.lastIndexOf('/'));
        Path classes =
                ROOT.resolve(dir).resolve("target").resolve(user.substring(dir.length() + 1));
        assertThat(classes).as("compiled classes of " + dir + " (build the reactor)").isDirectory();
        String name = LIBRARIES.getOrDefault(dir, dir);

        assertThat(boundaries.violations(name, references.of(classes))).isEmpty();
    }

    @Test
    void packageReferences_ofTheTestkit_listThePackagesItUses() {
        assertThat(references.of(classes("apigw-testkit")))
                .contains("dev.apigw.runtime", "dev.apigw.runtime.mapping", "dev.apigw.servlet")
                .allMatch(p -> p.startsWith("dev.apigw."));
    }

    private static Path classes(String dir) {
        Path classes = ROOT.resolve(dir).resolve("target/classes");
        assertThat(classes.resolve("module-info.class"))
                .as("module-info.class of " + dir + " (build the reactor)")
                .isRegularFile();
        return classes;
    }

    private static ModuleDescriptor descriptor(Path classes) {
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in, () -> PackageReferences.packagesIn(classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
