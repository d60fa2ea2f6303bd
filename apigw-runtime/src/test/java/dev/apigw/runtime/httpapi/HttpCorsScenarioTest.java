package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import org.junit.jupiter.api.Test;

/** CORS of HTTP APIs through {@code Api.handle} (reference 11.2, 7.2). */
class HttpCorsScenarioTest {
    private static final String ORIGIN = "https://app.example.com";
    private static final CorsConfiguration CORS =
            CorsConfiguration.builder()
                    .allowOrigins(ORIGIN)
                    .allowMethods("GET", "POST")
                    .allowHeaders("authorization")
                    .exposeHeaders("x-total")
                    .maxAge(600)
                    .build();

    private static Api api(CorsConfiguration cors, String... routes) {
        HttpApi.Builder b = HttpApi.builder("cors").stage("$default", s -> {});
        for (String route : routes) {
            b.route(route, r -> {});
        }
        if (cors != null) {
            b.corsConfiguration(cors);
        }
        return Api.builder().httpApi(b.build()).build();
    }

    private static Request preflight(String origin) {
        return Request.builder()
                .httpMethod("OPTIONS")
                .target("/pets")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .build();
    }

    @Test
    void handle_preflightWithoutOptionsRoute_answeredByApiGatewayWith204() {
        Response response = api(CORS, "GET /pets").handle(preflight(ORIGIN));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.bodyLength()).isZero();
        assertThat(response.headers().first("access-control-allow-origin")).contains(ORIGIN);
        assertThat(response.headers().first("access-control-allow-methods")).contains("GET,POST");
        assertThat(response.headers().first("access-control-allow-headers"))
                .contains("authorization");
        assertThat(response.headers().first("access-control-max-age")).contains("600");
        assertThat(response.headers().first("apigw-requestid")).isPresent();
        assertThat(response.headers().contains("content-type")).isFalse();
    }

    @Test
    void handle_preflightOnPathWithoutAnyRoute_answeredByApiGatewayWith204() {
        Response response = api(CORS).handle(preflight(ORIGIN));

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void handle_preflightFromDisallowedOrigin_answers204WithoutCorsHeaders() {
        Response response = api(CORS, "GET /pets").handle(preflight("https://evil.example.com"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().contains("access-control-allow-origin")).isFalse();
        assertThat(response.headers().contains("access-control-allow-methods")).isFalse();
    }

    @Test
    void handle_preflightMatchingAnOptionsRoute_isServedByTheRoute() {
        Response response = api(CORS, "OPTIONS /pets").handle(preflight(ORIGIN));

        assertThat(response.statusCode()).as("the route, which has no integration").isEqualTo(404);
        assertThat(response.headers().first("access-control-allow-origin")).contains(ORIGIN);
    }

    @Test
    void handle_preflightMatchingTheDefaultRoute_isServedByTheRoute() {
        Response response = api(CORS, "$default").handle(preflight(ORIGIN));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void handle_notFoundWithAllowedOrigin_carriesTheCorsHeaders() {
        Response response =
                api(CORS, "GET /pets")
                        .handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/cats")
                                        .header("Origin", ORIGIN)
                                        .build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().first("access-control-allow-origin")).contains(ORIGIN);
        assertThat(response.headers().first("access-control-expose-headers")).contains("x-total");
        assertThat(response.headers().contains("access-control-allow-methods")).isFalse();
    }

    @Test
    void handle_requestTooLargeWithAllowedOrigin_carriesTheCorsHeaders() {
        Response response =
                api(CORS, "POST /pets")
                        .handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/pets")
                                        .header("Origin", ORIGIN)
                                        .body(new byte[10 * 1024 * 1024 + 1])
                                        .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().first("access-control-allow-origin")).contains(ORIGIN);
    }

    @Test
    void handle_optionsWithoutRequestMethodHeader_isNoPreflight() {
        Response response =
                api(CORS, "GET /pets")
                        .handle(
                                Request.builder()
                                        .httpMethod("OPTIONS")
                                        .target("/pets")
                                        .header("Origin", ORIGIN)
                                        .build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().first("access-control-allow-origin")).contains(ORIGIN);
    }

    @Test
    void handle_requestWithoutOrigin_carriesNoCorsHeader() {
        Response response = api(CORS, "GET /pets").handle(Request.get("/cats"));

        assertThat(response.headers().contains("access-control-allow-origin")).isFalse();
    }

    @Test
    void handle_apiWithoutCorsConfiguration_answersPreflightsNotFound() {
        Response response = api(null, "GET /pets").handle(preflight(ORIGIN));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().contains("access-control-allow-origin")).isFalse();
    }
}
