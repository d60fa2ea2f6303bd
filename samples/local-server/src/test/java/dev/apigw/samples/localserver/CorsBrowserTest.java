package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import org.junit.jupiter.api.Test;

/**
 * CORS in a real browser (reference 11.2): headless Chromium loads a page from one loopback port
 * whose script fetches, with a custom header, from the local server on another port serving an API
 * made with {@code enableCors}. For the allowed origin the preflight and the request succeed; for
 * an API allowing another origin the fetch fails with a {@code TypeError} and the request itself is
 * never sent. The page writes the outcome into its DOM, which Chromium dumps; the server records
 * the requests it got. Skipped when {@code /usr/bin/chromium} (or the path in {@code
 * -Dapigw.chromium}) is not installed; {@code .ci/run} installs it.
 */
class CorsBrowserTest extends BrowserFetchHarness {
    private static final String HELLO_BODY = "{\"hello\": \"browser\"}";

    private static RestApi helloApi(String allowedOrigin) {
        return helloApi(allowedOrigin, "Content-Type,X-Custom");
    }

    private static RestApi helloApi(String allowedOrigin, String allowedHeaders) {
        Integration mock =
                Integration.builder()
                        .type(IntegrationType.MOCK)
                        .putRequestTemplate("application/json", "{\"statusCode\": 200}")
                        .integrationResponse(
                                "200", ir -> ir.putResponseTemplate("application/json", HELLO_BODY))
                        .build();
        return RestApi.builder()
                .name("cors-browser")
                .resource(
                        "/hello",
                        r ->
                                r.method(
                                        "GET",
                                        m -> m.methodResponse("200", mr -> {}).integration(mock)))
                .enableCors(c -> c.allowOrigin(allowedOrigin).allowHeaders(allowedHeaders))
                .build();
    }

    /** Serves the REST API on its {@code dev} stage; returns the server's base URL. */
    private String startApi(RestApi restApi) {
        return startApi(Api.builder().restApi(restApi).deploy("dev").build());
    }

    @Test
    void fetch_allowedOriginWithCustomHeader_preflightAndRequestSucceed() throws Exception {
        PageServer page = startPage();
        String api = startApi(helloApi(page.origin()));
        page.fetchFrom(api + "/dev/hello");

        String result = loadInChromium(page.origin() + "/");

        assertThat(result).isEqualTo("done 200 " + HELLO_BODY);
        assertOnePreflight("/dev/hello", page.origin());
        assertThat(received("GET"))
                .singleElement()
                .satisfies(get -> assertThat(get.headers().first("X-Custom")).contains("v"));
    }

    @Test
    void fetch_disallowedOrigin_failsWithTypeErrorAfterThePreflight() throws Exception {
        PageServer page = startPage();
        String api = startApi(helloApi("http://127.0.0.1:1"));
        page.fetchFrom(api + "/dev/hello");

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
        String api = startApi(helloApi(page.origin(), "Content-Type,X-Amz-Date"));
        page.fetchFrom(api + "/dev/hello");

        String result = loadInChromium(page.origin() + "/");

        assertThat(result).startsWith("failed TypeError");
        assertThat(received("OPTIONS")).hasSize(1);
        assertThat(received("GET")).isEmpty();
    }
}
