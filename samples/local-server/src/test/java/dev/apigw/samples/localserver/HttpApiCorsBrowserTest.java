package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.servlet.ApiServlet;
import dev.apigw.servlet.LocalServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
class HttpApiCorsBrowserTest {
    private static final Path CHROMIUM =
            Path.of(System.getProperty("apigw.chromium", "/usr/bin/chromium"));
    private static final String NOT_FOUND = "{\"message\":\"Not Found\"}";
    private static final long BROWSER_TIMEOUT_SECONDS = 90;
    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">(.*?)</pre>");

    private final Queue<Request> received = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> servers = new ArrayList<>();
    @TempDir Path dir;

    @BeforeAll
    static void requireChromium() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "HttpApiCorsBrowserTest skipped: no Chromium at "
                        + CHROMIUM
                        + " (.ci/run installs it)");
    }

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

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

    /** Serves the API on a free loopback port, recording each request; returns its base URL. */
    private String startApi(HttpApi httpApi) {
        Api api = Api.builder().httpApi(httpApi).build();
        LocalServer server =
                LocalServer.create("127.0.0.1", 0)
                        .serve(
                                "/*",
                                new ApiServlet(
                                        request -> {
                                            received.add(request);
                                            return api.handle(request);
                                        }))
                        .start();
        servers.add(server);
        return server.baseUrl();
    }

    /** Starts the page server on a free loopback port; returns its origin. */
    private PageServer startPage() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        PageServer page = new PageServer(http);
        servers.add(page);
        return page;
    }

    /** Serves the fixture page, fetching from the URL given once the API is up. */
    private static final class PageServer implements AutoCloseable {
        private final HttpServer http;
        private volatile String apiUrl = "";

        PageServer(HttpServer http) {
            this.http = http;
            http.createContext(
                    "/",
                    exchange -> {
                        byte[] body = page(apiUrl);
                        exchange.getResponseHeaders()
                                .set("Content-Type", "text/html; charset=utf-8");
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    });
            http.start();
        }

        String origin() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        void fetchFrom(String url) {
            apiUrl = url;
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    private static byte[] page(String apiUrl) {
        try (InputStream in =
                HttpApiCorsBrowserTest.class.getResourceAsStream("/fixtures/cors/page.html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return html.replace("@API_URL@", apiUrl).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the page in headless Chromium and returns what its script wrote. */
    private String loadInChromium(String pageUrl) throws Exception {
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        Process chromium =
                new ProcessBuilder(
                                CHROMIUM.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--user-data-dir=" + dir.resolve("profile"),
                                "--virtual-time-budget=20000",
                                "--dump-dom",
                                pageUrl)
                        .redirectOutput(dom.toFile())
                        .redirectError(log.toFile())
                        .start();
        if (!chromium.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(
                    "Chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s");
        }
        String html = Files.readString(dom);
        assertThat(chromium.exitValue())
                .as("Chromium exit status; its log:%n%s", Files.readString(log))
                .isZero();
        Matcher result = RESULT.matcher(html);
        assertThat(result.find()).as("the page's result in the dumped DOM:%n%s", html).isTrue();
        return result.group(1);
    }

    private List<Request> received(String method) {
        return received.stream().filter(r -> r.httpMethod().equals(method)).toList();
    }

    @Test
    void fetch_allowedOriginWithCustomHeader_preflightAnsweredAndErrorReadable() throws Exception {
        PageServer page = startPage();
        String api = startApi(helloApi(page.origin()));
        page.fetchFrom(api + "/hello");

        String result = loadInChromium(page.origin() + "/");

        assertThat(result).isEqualTo("done 404 " + NOT_FOUND);
        assertThat(received("OPTIONS"))
                .singleElement()
                .satisfies(
                        preflight -> {
                            assertThat(preflight.path()).isEqualTo("/hello");
                            assertThat(preflight.headers().first("Origin")).contains(page.origin());
                            assertThat(preflight.headers().first("Access-Control-Request-Method"))
                                    .contains("GET");
                            assertThat(preflight.headers().first("Access-Control-Request-Headers"))
                                    .contains("x-custom");
                        });
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
