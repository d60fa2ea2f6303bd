package dev.apigw.samples.localserver.isolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The runtime interface client and its libraries, extracted from this build for the children. */
class RuntimeJarsTest {
    @Test
    void extract_build_yieldsTheClientWithItsNativeLibraryAndDeletesOnClose() throws Exception {
        Path directory;
        try (RuntimeJars jars = RuntimeJars.extract()) {
            directory = jars.directory();

            assertThat(jars.jars())
                    .extracting(jar -> jar.getFileName().toString())
                    .containsExactly(
                            "aws-lambda-java-runtime-interface-client.jar",
                            "aws-lambda-java-core.jar",
                            "aws-lambda-java-serialization.jar",
                            "utils-lite.jar",
                            "annotations.jar");
            assertThat(jars.jars()).allMatch(Files::isRegularFile);
            try (ZipFile client = new ZipFile(jars.jars().get(0).toFile())) {
                assertThat(client.getEntry("jni/libaws-lambda-jni.linux-x86_64.so")).isNotNull();
                assertThat(
                                client.getEntry(
                                        "com/amazonaws/services/lambda/runtime/api/client/"
                                                + "AWSLambda.class"))
                        .isNotNull();
            }
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void extract_onLinuxX64_givesEachChildItsOwnCopyOfTheNativeLibrary() throws Exception {
        assumeTrue(
                System.getProperty("os.name").equals("Linux")
                        && System.getProperty("os.arch").equals("amd64"),
                "the native library check runs on Linux x86_64");
        try (RuntimeJars jars = RuntimeJars.extract()) {
            Path library = jars.nativeLibrary().orElseThrow();

            assertThat(library.getParent()).isEqualTo(jars.directory());
            assertThat(Files.size(library)).isGreaterThan(100_000);
        }
    }
}
