package dev.apigw.testkit;

import dev.apigw.runtime.Api;
import dev.apigw.servlet.ApiServlet;
import dev.apigw.servlet.LocalServer;
import java.net.URI;
import java.util.Objects;

/**
 * A test's {@link Api} served over HTTP on an ephemeral loopback port, for an HTTP client under
 * test (RestAssured, Feign, a generated SDK, {@code java.net.http.HttpClient}). Requests reach the
 * same {@code Api}, fakes, backend and clock the test's other parameters hold, through the local
 * server's adapter ({@link ApiServlet} on Jetty, {@link LocalServer}).
 *
 * <p>{@link ApiGatewayExtension} resolves it as a parameter: the server starts when a test (or its
 * {@code @BeforeEach}) first asks for it, and stops when the test ends.
 *
 * <pre>{@code
 * @Test
 * void getPet_overHttp_returnsIt(ServedApi served, FakeLambda pets) throws Exception {
 *     pets.returnsProxyResponse(200, "{\"id\": \"7\"}");
 *
 *     HttpResponse<String> response = HttpClient.newHttpClient().send(
 *             HttpRequest.newBuilder(served.uri("/pets/7")).build(), BodyHandlers.ofString());
 *
 *     assertThat(response.statusCode()).isEqualTo(200);
 * }
 * }</pre>
 */
public final class ServedApi implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final LocalServer server;
    private final String serverUrl;
    private final int port;
    private final String stage;

    private ServedApi(LocalServer server, String stage) {
        this.server = server;
        this.serverUrl = server.baseUrl();
        this.port = server.port();
        this.stage = stage;
    }

    /** Serves the API on a free loopback port; requests go to {@code /STAGE/...}. */
    static ServedApi start(Api api, String stage) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(stage, "stage");
        LocalServer server =
                LocalServer.create(LOOPBACK, 0).serve("/*", new ApiServlet(api)).start();
        return new ServedApi(server, stage);
    }

    /**
     * Returns the stage's base URL, as an invoke URL has it: {@code http://127.0.0.1:PORT/STAGE}
     * (no trailing slash).
     */
    public String baseUrl() {
        return serverUrl + "/" + stage;
    }

    /**
     * Returns the URI of a path under the stage: {@code uri("/pets/7?verbose=true")} is {@code
     * http://127.0.0.1:PORT/STAGE/pets/7?verbose=true}. The path is used as written, so it must be
     * a valid URI path and query (percent-encoded where needed).
     */
    public URI uri(String path) {
        Objects.requireNonNull(path, "path");
        return URI.create(baseUrl() + (path.isEmpty() || path.startsWith("/") ? "" : "/") + path);
    }

    /** Returns the server's URL without the stage: {@code http://127.0.0.1:PORT}. */
    public String serverUrl() {
        return serverUrl;
    }

    /** Returns the port listened on (still known once the server stopped). */
    public int port() {
        return port;
    }

    /** Stops the server, finishing requests in flight. The extension calls it after the test. */
    @Override
    public void close() {
        server.close();
    }
}
