package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * What the browser CORS tests share (reference 11.2): a page server on one loopback port whose
 * script fetches, with a custom header, from an API served on another port; headless Chromium
 * loading the page and returning what its script wrote into the DOM; the requests the API got.
 * Skipped when {@code /usr/bin/chromium} (or the path in {@code -Dapigw.chromium}) is not
 * installed; {@code .ci/run} installs it.
 */
abstract class BrowserFetchHarness {
    private static final Path CHROMIUM =
            Path.of(System.getProperty("apigw.chromium", "/usr/bin/chromium"));
    private static final long BROWSER_TIMEOUT_SECONDS = 90;
    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">(.*?)</pre>");

    private final Queue<Request> received = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> servers = new ArrayList<>();
    @TempDir Path dir;

    @BeforeAll
    static void requireChromium() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "browser test skipped: no Chromium at " + CHROMIUM + " (.ci/run installs it)");
    }

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    /** Serves the API on a free loopback port, recording each request; returns its base URL. */
    final String startApi(Api api) {
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
    final PageServer startPage() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        PageServer page = new PageServer(http);
        servers.add(page);
        return page;
    }

    /** Serves the fixture page, fetching from the URL given once the API is up. */
    static final class PageServer implements AutoCloseable {
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
                BrowserFetchHarness.class.getResourceAsStream("/fixtures/cors/page.html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return html.replace("@API_URL@", apiUrl).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the page in headless Chromium and returns what its script wrote. */
    final String loadInChromium(String pageUrl) throws Exception {
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

    /**
     * Asserts the API got exactly one preflight, for {@code path} from {@code origin}, asking for
     * {@code GET} with the page's custom header.
     */
    final void assertOnePreflight(String path, String origin) {
        assertThat(received("OPTIONS"))
                .singleElement()
                .satisfies(
                        preflight -> {
                            assertThat(preflight.path()).isEqualTo(path);
                            assertThat(preflight.headers().first("Origin")).contains(origin);
                            assertThat(preflight.headers().first("Access-Control-Request-Method"))
                                    .contains("GET");
                            assertThat(preflight.headers().first("Access-Control-Request-Headers"))
                                    .contains("x-custom");
                        });
    }

    final List<Request> received(String method) {
        return received.stream().filter(r -> r.httpMethod().equals(method)).toList();
    }
}
