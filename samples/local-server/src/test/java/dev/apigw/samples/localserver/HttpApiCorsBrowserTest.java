package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.runtime.Api;
import org.junit.jupiter.api.Test;

/**
 * CORS of an HTTP API in a real browser (reference 11.2), as {@link CorsBrowserTest} does for REST:
 * headless Chromium loads a page from one loopback port whose script fetches, with a custom header,
 * from the local server on another port serving an HTTP API with a {@code corsConfiguration} and no
 * {@code OPTIONS} route. API Gateway answers the preflight itself; the request then reaches a route
 * without integration, whose 404 {@code {"message":"Not Found"}} the page can read because HTTP
 * APIs put the CORS headers on error answers too. For an API allowing another origin, or not the
 * custom header, the fetch fails with a {@code TypeError} and the request itself is never sent. The
 * page writes the outcome into its DOM, which Chromium dumps; the server records the requests it
 * got. Skipped when {@code /usr/bin/chromium} (or the path in {@code -Dapigw.chromium}) is not
 * installed; {@code .ci/run} installs it.
 */
class HttpApiCorsBrowserTest extends BrowserFetchHarness {
    private static final String NOT_FOUND = "{\"message\":\"Not Found\"}";

    private static HttpApi helloApi(String allowedOrigin) {
        return helloApi(allowedOrigin, "content-type", "x-custom");
    }

    private static HttpApi helloApi(String allowedOrigin, String... allowedHeaders) {
        return HttpApi.builder("cors-browser")
                .route("GET /hello", r -> {})
                .stage("$default", s -> {})
                .corsConfiguration(
                        CorsConfiguration.builder()
                                .allowOrigins(allowedOrigin)
                                .allowMethods("GET")
                                .allowHeaders(allowedHeaders)
                                .build())
                .build();
    }

    /** Serves the HTTP API; returns the server's base URL. */
    private String startApi(HttpApi httpApi) {
        return startApi(Api.builder().httpApi(httpApi).build());
    }

    @Test
    void fetch_allowedOriginWithCustomHeader_preflightAnsweredAndErrorReadable() throws Exception {
        PageServer page = startPage();
        String api = startApi(helloApi(page.origin()));
        page.fetchFrom(api + "/hello");

        String result = loadInChromium(page.origin() + "/");

        assertThat(result).isEqualTo("done 404 " + NOT_FOUND);
        assertOnePreflight("/hello", page.origin());
        assertThat(received("GET"))
                .singleElement()
                .satisfies(get -> assertThat(get.headers().first("X-Custom")).contains("v"));
    }

    @Test
    void fetch_disallowedOrigin_failsWithTypeErrorAfterThePreflight() throws Exception {
        PageServer page = startPage();
        String api = startApi(helloApi("http://127.0.0.1:1"));
        page.fetchFrom(api + "/hello");

        String result = loadInChromium(page.origin() + "/");

        assertThat(result).startsWith("failed TypeError");
        assertThat(received("OPTIONS"))
                .singleElement()
                .satisfies(
                        preflight ->
                                assertThat(preflight.headers().first("Origin"))
                                        .contains(page.origin()));
        assertThat(received("GET")).as("the request after a refused preflight").isEmpty();
    }

    @Test
    void fetch_customHeaderNotAllowed_failsWithTypeErrorAfterThePreflight() throws Exception {
        PageServer page = startPage();
        String api = startApi(helloApi(page.origin(), "content-type", "x-amz-date"));
        page.fetchFrom(api + "/hello");

        String result = loadInChromium(page.origin() + "/");

        assertThat(result).startsWith("failed TypeError");
        assertThat(received("OPTIONS")).hasSize(1);
        assertThat(received("GET")).isEmpty();
    }
}
