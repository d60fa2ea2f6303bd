package dev.apigw.samples.lambdaadapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import org.junit.jupiter.api.Test;

/** Stage handling and transport details of the embedded API. */
class EmbeddedApiTest {

    @Test
    void withoutStage_leadingStageSegment_isRemoved() {
        assertThat(EmbeddedApi.withoutStage("/prod/pets/1", "prod")).isEqualTo("/pets/1");
        assertThat(EmbeddedApi.withoutStage("/prod", "prod")).isEmpty();
        assertThat(EmbeddedApi.withoutStage("/production/pets", "prod"))
                .isEqualTo("/production/pets");
        assertThat(EmbeddedApi.withoutStage("/api/prod/x", "prod")).isEqualTo("/api/prod/x");
    }

    @Test
    void of_singleStage_servesIt() {
        assertThat(EmbeddedApi.of(TestApis.api("solo")).stageName()).isEqualTo("solo");
    }

    @Test
    void handle_forwardedProtoAndPort_becomeSchemeAndPort() {
        EmbeddedApi api = EmbeddedApi.of(TestApis.api("dev"));

        Response response =
                api.handle(
                        "GET",
                        "/fwd",
                        "",
                        Headers.of("X-Forwarded-Proto", "http", "X-Forwarded-Port", "8080"),
                        new byte[0],
                        "192.0.2.44");

        assertThat(response.bodyAsString())
                .contains(
                        "header X-Forwarded-Proto=[http]\n",
                        "header X-Forwarded-Port=[8080]\n",
                        "sourceIp=192.0.2.44\n");
    }

    @Test
    void handle_emptyPath_servesTheStageRoot() {
        EmbeddedApi api = EmbeddedApi.of(TestApis.api("dev"));

        Response response = api.handle("GET", "", "", Headers.empty(), new byte[0], null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"root\": \"dev\"}");
    }
}
