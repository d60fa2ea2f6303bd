package dev.apigw.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.FunctionConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@link FunctionCode} finds a template function's code, and what it refuses. */
class FunctionCodeTest {
    @TempDir Path work;
    private Path classes;

    @BeforeEach
    void compileOneClass() throws IOException {
        classes =
                CompiledCode.compile(
                        work, Map.of("example.Hello", "package example; public class Hello {}"));
    }

    private FunctionConfiguration function(Path codeUri) {
        return FunctionConfiguration.builder()
                .logicalId("HelloWorldFunction")
                .runtime("java17")
                .handler("example.Hello")
                .codeUri(codeUri)
                .samBuildDirectory(work.resolve(".aws-sam/build/HelloWorldFunction"))
                .build();
    }

    private Path libJar(String name) throws IOException {
        return CompiledCode.pack(classes, work.resolve("libs").resolve(name), Map.of());
    }

    @Test
    void locate_jar_isItsOwnClasspath() throws IOException {
        Path jar = CompiledCode.pack(classes, work.resolve("target/hello.jar"), Map.of());

        try (FunctionCode code = FunctionCode.locate(function(jar))) {
            assertThat(code.classpath()).containsExactly(jar);
            assertThat(code.location()).isEqualTo(jar);
        }
    }

    @Test
    void locate_classDirectoryWithLib_rootThenJarsByName() throws IOException {
        Path dir = work.resolve("build");
        CompiledCode.copyTree(classes, dir);
        Files.createDirectories(dir.resolve("lib"));
        Files.copy(libJar("b.jar"), dir.resolve("lib/b.jar"));
        Files.copy(libJar("a.jar"), dir.resolve("lib/a.jar"));
        Files.writeString(dir.resolve("lib/readme.txt"), "not a jar");

        FunctionCode code = FunctionCode.locate(function(dir));

        assertThat(code.classpath())
                .containsExactly(dir, dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar"));
    }

    @Test
    void locate_zip_extractedInLambdaLayout() throws IOException {
        Path zip =
                CompiledCode.pack(
                        classes, work.resolve("hello.zip"), Map.of("lib/dep.jar", libJar("d.jar")));

        Path root;
        try (FunctionCode code = FunctionCode.locate(function(zip))) {
            root = code.classpath().get(0);
            assertThat(code.location()).isEqualTo(zip);
            assertThat(root.resolve("example/Hello.class")).isRegularFile();
            assertThat(code.classpath()).containsExactly(root, root.resolve("lib/dep.jar"));
        }
        assertThat(root).doesNotExist();
    }

    @Test
    void locate_jarHoldingLibJars_extractedAsZip() throws IOException {
        Path jar =
                CompiledCode.pack(
                        classes, work.resolve("fat.jar"), Map.of("lib/dep.jar", libJar("d.jar")));

        try (FunctionCode code = FunctionCode.locate(function(jar))) {
            Path root = code.classpath().get(0);
            assertThat(root).isDirectory();
            assertThat(code.classpath()).containsExactly(root, root.resolve("lib/dep.jar"));
        }
    }

    @Test
    void locate_samBuildDirectoryBuilt_winsOverCodeUri() throws IOException {
        Path built = work.resolve(".aws-sam/build/HelloWorldFunction");
        CompiledCode.copyTree(classes, built);
        Path source = Files.createDirectories(work.resolve("HelloWorldFunction"));
        Files.writeString(source.resolve("pom.xml"), "<project/>");

        assertThat(FunctionCode.locate(function(source)).classpath()).containsExactly(built);
    }

    @Test
    void locate_unbuiltMavenSource_saysToRunTheBuild() throws IOException {
        Path source = Files.createDirectories(work.resolve("HelloWorldFunction"));
        Files.writeString(source.resolve("pom.xml"), "<project/>");
        Files.createDirectories(source.resolve("src/main/java"));

        assertThatThrownBy(() -> FunctionCode.locate(function(source)))
                .isInstanceOf(FunctionCodeException.class)
                .hasMessage(
                        "HelloWorldFunction: code not built: CodeUri HelloWorldFunction is a"
                                + " source directory (pom.xml, src, no classes); run 'sam build'"
                                + " or 'mvn package' first");
    }

    @Test
    void locate_mavenProjectPackaged_usesItsShadedJar() throws IOException {
        Path project = Files.createDirectories(work.resolve("HelloWorldFunction"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        CompiledCode.copyTree(classes, Files.createDirectories(project.resolve("target/classes")));
        Path jar = CompiledCode.pack(classes, project.resolve("target/hello-1.0.jar"), Map.of());
        CompiledCode.pack(classes, project.resolve("target/original-hello-1.0.jar"), Map.of());
        CompiledCode.pack(classes, project.resolve("target/hello-1.0-sources.jar"), Map.of());

        assertThat(FunctionCode.locate(function(project)).classpath()).containsExactly(jar);
    }

    @Test
    void locate_gradleProjectWithBuildZip_usesTheZip() throws IOException {
        Path project = Files.createDirectories(work.resolve("fn"));
        Files.writeString(project.resolve("build.gradle"), "");
        CompiledCode.pack(classes, project.resolve("build/libs/fn.jar"), Map.of());
        Path zip =
                CompiledCode.pack(
                        classes,
                        project.resolve("build/distributions/fn.zip"),
                        Map.of("lib/dep.jar", libJar("d.jar")));

        try (FunctionCode code = FunctionCode.locate(function(project))) {
            assertThat(code.location()).isEqualTo(zip);
            assertThat(code.classpath()).hasSize(2);
        }
    }

    @Test
    void locate_projectWithSeveralJars_asksForOne() throws IOException {
        Path project = Files.createDirectories(work.resolve("fn"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        CompiledCode.pack(classes, project.resolve("target/a.jar"), Map.of());
        CompiledCode.pack(classes, project.resolve("target/b.jar"), Map.of());

        assertThatThrownBy(() -> FunctionCode.locate(function(project)))
                .hasMessage(
                        "HelloWorldFunction: CodeUri fn has several built packages (target/a.jar,"
                                + " target/b.jar); point CodeUri at one");
    }

    @Test
    void locate_unbuiltGradleSource_namesGradle() throws IOException {
        Path source = Files.createDirectories(work.resolve("fn"));
        Files.writeString(source.resolve("build.gradle.kts"), "");

        assertThatThrownBy(() -> FunctionCode.locate(function(source)))
                .hasMessage(
                        "HelloWorldFunction: code not built: CodeUri fn is a source directory"
                                + " (build.gradle.kts, no classes); run 'sam build' or"
                                + " 'gradle build' first");
    }

    @Test
    void locate_missingJar_namesTheCodeUri() {
        assertThatThrownBy(() -> FunctionCode.locate(function(work.resolve("target/x.jar"))))
                .hasMessage("HelloWorldFunction: CodeUri target/x.jar not found");
    }

    @Test
    void locate_noLocalCode_saysToBindWithLambda() {
        FunctionConfiguration inS3 =
                FunctionConfiguration.builder().logicalId("Fn").runtime("java17").build();

        assertThatThrownBy(() -> FunctionCode.locate(inS3))
                .isInstanceOf(FunctionCodeException.class)
                .hasMessage("Fn: code is in S3 or inline; bind it with --lambda");
    }

    @Test
    void locate_zipEntryClimbingOut_refusedAndNothingWritten() throws IOException {
        Path zip = work.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            CompiledCode.put(out, "ok.txt", new byte[] {1});
            CompiledCode.put(out, "../evil", new byte[] {1});
        }

        assertThatThrownBy(() -> FunctionCode.locate(function(zip)))
                .isInstanceOf(FunctionCodeException.class)
                .hasMessageContaining("HelloWorldFunction: CodeUri ")
                .hasMessageEndingWith("refused: entry '../evil' leaves its directory");
        assertThat(work.resolve("evil")).doesNotExist();
        assertThat(Path.of(System.getProperty("java.io.tmpdir")).resolve("evil")).doesNotExist();
    }

    @Test
    void locate_zipEntryAbsolute_refused() throws IOException {
        Path zip = work.resolve("abs.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            CompiledCode.put(out, "/etc/evil", new byte[] {1});
        }

        assertThatThrownBy(() -> FunctionCode.locate(function(zip)))
                .hasMessageEndingWith("refused: entry '/etc/evil' leaves its directory");
    }

    @Test
    void extract_pastTheByteBound_refused() throws IOException {
        Path zip = work.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            CompiledCode.put(out, "a", new byte[600]);
            CompiledCode.put(out, "b", new byte[600]);
        }

        assertThatThrownBy(() -> ZipExtraction.extract("Fn", zip, 1_000, 10))
                .isInstanceOf(FunctionCodeException.class)
                .hasMessageEndingWith("refused: more than 1000 bytes unzipped");
    }

    @Test
    void extract_tooManyEntries_refused() throws IOException {
        Path zip = work.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 11; i++) {
                CompiledCode.put(out, "e" + i, new byte[0]);
            }
        }

        assertThatThrownBy(() -> ZipExtraction.extract("Fn", zip, 1_000, 10))
                .hasMessageEndingWith("refused: more than 10 entries");
    }

    @Test
    void extract_defaultBounds_areLambdaSizedAndFixed() {
        assertThat(ZipExtraction.MAX_BYTES).isEqualTo(256L * 1024 * 1024);
        assertThat(ZipExtraction.MAX_ENTRIES).isEqualTo(20_000);
    }

    @Test
    void locate_notAZip_saysSo() throws IOException {
        Path zip = Files.writeString(work.resolve("broken.zip"), "not a zip");

        assertThatThrownBy(() -> FunctionCode.locate(function(zip)))
                .hasMessageEndingWith("cannot be read: not a valid zip");
    }

    @Test
    void locate_directoryWithoutCodeOrSources_saysSo() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));

        assertThatThrownBy(() -> FunctionCode.locate(function(empty)))
                .hasMessage("HelloWorldFunction: CodeUri empty holds no classes and no lib/*.jar");
    }
}
