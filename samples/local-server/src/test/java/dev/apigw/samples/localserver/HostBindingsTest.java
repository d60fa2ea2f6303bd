package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Api;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --jwks} and {@code --credentials} bound to the API (reference 8.4, 8.7). */
class HostBindingsTest {
    @TempDir Path dir;

    @Test
    void apply_missingJwksFile_failsNamingTheFlagPoolAndFile() {
        Path missing = dir.resolve("missing.json");
        ServerOptions options =
                ServerOptions.parse(List.of("--jwks", "us-east-1_AbCdEf123=" + missing));

        assertThatThrownBy(() -> HostBindings.apply(options, "123456789012", Api.builder()))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("--jwks us-east-1_AbCdEf123=" + missing + ": ")
                .hasMessageContaining("cannot read");
    }

    @Test
    void apply_jwksUrl_boundWithoutFetching() {
        ServerOptions options =
                ServerOptions.parse(
                        List.of("--jwks", "us-east-1_AbCdEf123=http://127.0.0.1:9/jwks.json"));

        HostBindings.apply(options, "123456789012", Api.builder());
    }

    @Test
    void userArn_isAUserOfTheApisAccountNamedByTheKey() {
        assertThat(HostBindings.userArn("123456789012", "AKIDEXAMPLE"))
                .isEqualTo("arn:aws:iam::123456789012:user/AKIDEXAMPLE");
    }
}
