package dev.apigw.runtime.httpapi.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.CorsConfiguration;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CORS rules of HTTP APIs on answers (reference 11.2). */
class CorsPolicyTest {
    private static final CorsPolicy EXACT =
            CorsPolicy.compile(
                    CorsConfiguration.builder()
                            .allowOrigins("https://app.example.com")
                            .allowCredentials(true)
                            .exposeHeaders("x-total", "date")
                            .maxAge(300)
                            .allowMethods("GET", "POST")
                            .allowHeaders("authorization", "*")
                            .build());

    private static Request from(String origin) {
        return Request.builder().httpMethod("GET").target("/pets").header("Origin", origin).build();
    }

    private static Response backend() {
        return Response.builder()
                .statusCode(200)
                .setHeader("content-type", "application/json")
                .setHeader("Access-Control-Allow-Origin", "*")
                .setHeader("access-control-allow-methods", "DELETE")
                .body("[]")
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "*, http://any.example, *",
        "https://*, https://a.example.com, https://a.example.com",
        "https://*, http://a.example.com, ",
        "http://*, http://localhost:3000, http://localhost:3000",
        "http://*, https://localhost:3000, ",
        "https://app.example.com, https://app.example.com, https://app.example.com",
        "https://app.example.com, HTTPS://APP.EXAMPLE.COM, HTTPS://APP.EXAMPLE.COM",
        "https://app.example.com, https://app.example.com:8443, ",
        "https://app.example.com, https://evil.example.com, "
    })
    void allowOrigin_configuredOrigins_allowExactOrByScheme(
            String allowed, String origin, String expected) {
        CorsPolicy policy =
                CorsPolicy.compile(CorsConfiguration.builder().allowOrigins(allowed).build());

        assertThat(policy.allowOrigin(origin)).isEqualTo(expected);
    }

    @Test
    void actual_allowedOrigin_replacesTheBackendsCorsHeadersWithTheConfiguredOnes() {
        Response answer = EXACT.actual(from("https://app.example.com"), backend());

        assertThat(answer.headers().values("access-control-allow-origin"))
                .containsExactly("https://app.example.com");
        assertThat(answer.headers().first("access-control-allow-credentials")).contains("true");
        assertThat(answer.headers().first("access-control-expose-headers"))
                .contains("x-total,date");
        assertThat(answer.headers().contains("access-control-allow-methods")).isFalse();
        assertThat(answer.headers().first("content-type")).contains("application/json");
        assertThat(answer.bodyAsString()).isEqualTo("[]");
    }

    @Test
    void actual_disallowedOrigin_removesTheBackendsCorsHeadersAndAddsNone() {
        Response answer = EXACT.actual(from("https://evil.example.com"), backend());

        assertThat(answer.headers().contains("access-control-allow-origin")).isFalse();
        assertThat(answer.headers().contains("access-control-allow-methods")).isFalse();
        assertThat(answer.headers().first("content-type")).contains("application/json");
    }

    @Test
    void actual_noOriginAndNoCorsHeader_returnsTheSameAnswer() {
        Response plain = Response.builder().statusCode(200).body("x").build();

        assertThat(EXACT.actual(Request.get("/pets"), plain)).isSameAs(plain);
    }

    @Test
    void preflight_allowedOrigin_answers204WithTheConfiguredHeaders() {
        Response answer =
                EXACT.preflight(
                        Request.builder()
                                .httpMethod("OPTIONS")
                                .target("/pets")
                                .header("Origin", "https://app.example.com")
                                .header("Access-Control-Request-Method", "POST")
                                .build());

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.bodyLength()).isZero();
        assertThat(answer.headers().first("access-control-allow-origin"))
                .contains("https://app.example.com");
        assertThat(answer.headers().first("access-control-allow-methods")).contains("GET,POST");
        assertThat(answer.headers().first("access-control-allow-headers"))
                .contains("authorization,*");
        assertThat(answer.headers().first("access-control-max-age")).contains("300");
        assertThat(answer.headers().first("access-control-allow-credentials")).contains("true");
        assertThat(answer.headers().contains("access-control-expose-headers")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "OPTIONS, true, true, true",
        "OPTIONS, false, true, false",
        "OPTIONS, true, false, false",
        "GET, true, true, false"
    })
    void isPreflight_methodAndHeaders_needsOptionsOriginAndRequestMethod(
            String method, boolean origin, boolean requestMethod, boolean expected) {
        Request.Builder request = Request.builder().httpMethod(method).target("/pets");
        if (origin) {
            request.header("Origin", "https://app.example.com");
        }
        if (requestMethod) {
            request.header("Access-Control-Request-Method", "GET");
        }

        assertThat(EXACT.isPreflight(request.build())).isEqualTo(expected);
    }
}
