package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.HttpApi;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import org.junit.jupiter.api.Test;

/** Stage selection and the fixed errors of HTTP APIs through {@code Api.handle} (7.2, 3.3). */
class HttpApiStageScenarioTest {
    private static Api api(String... stages) {
        HttpApi.Builder b = HttpApi.builder("stages").route("GET /pets", r -> {});
        for (String stage : stages) {
            b.stage(stage, s -> {});
        }
        return Api.builder().httpApi(b.build()).build();
    }

    @Test
    void handle_noStageMatchesAndNoDefaultStage_answers404NotFound() {
        Response response = api("prod").handle(Request.get("/dev/pets"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().first("content-type")).contains("application/json");
        assertThat(response.headers().first("apigw-requestid")).isPresent();
    }

    @Test
    void handle_requestId_isTheShortFormOnEveryAnswer() {
        Response response = api("prod").handle(Request.get("/nowhere"));

        assertThat(response.headers().first("apigw-requestid").orElseThrow())
                .matches("[A-Za-z0-9+/]{15}=");
    }

    @Test
    void handle_routeWithoutIntegration_answers404NotFound() {
        Response response = api("$default").handle(Request.get("/pets"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void handle_unknownRoute_answers404NotFound() {
        Response response = api("$default").handle(Request.get("/cats"));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void handle_payloadOverTenMegabytes_answers413() {
        Response response =
                api("$default")
                        .handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/pets")
                                        .body(new byte[10 * 1024 * 1024 + 1])
                                        .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void build_restAndHttpApi_failsNamingBoth() {
        assertThatThrownBy(
                        () ->
                                Api.builder()
                                        .restApi(RestApi.builder().name("r").build())
                                        .httpApi(HttpApi.builder("h").build())
                                        .build())
                .hasMessageContaining("restApi or httpApi");
    }

    @Test
    void restApi_ofAnHttpApi_failsPointingToHttpApi() {
        Api api = api("$default");

        assertThat(api.httpApi()).map(HttpApi::name).contains("stages");
        assertThatThrownBy(api::restApi).hasMessageContaining("httpApi()");
    }
}
