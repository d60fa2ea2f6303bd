package dev.apigw.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server for tests on 127.0.0.1 and an ephemeral port, with handlers that echo the
 * request as JSON, answer with chosen statuses and headers, or stall until the server closes.
 */
public final class LocalHttpServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "local-http-server");
                        t.setDaemon(true);
                        return t;
                    });
    private final CountDownLatch released = new CountDownLatch(1);

    private LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::echo);
        server.start();
    }

    /** Starts a server whose every path echoes the request, until another handler is set. */
    public static LocalHttpServer start() {
        try {
            return new LocalHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a local port nothing listens on: bound, then closed. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** Handles requests under {@code path} with {@code handler}. */
    public LocalHttpServer handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Answers requests under {@code path} with a status, headers and body. */
    public LocalHttpServer respond(
            String path, int status, Map<String, List<String>> headers, byte[] body) {
        return handle(
                path,
                exchange -> {
                    drain(exchange);
                    headers.forEach(
                            (name, values) -> exchange.getResponseHeaders().put(name, values));
                    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
    }

    /** Stalls requests under {@code path} before answering, until the server closes. */
    public LocalHttpServer stallBeforeHeaders(String path) {
        return handle(
                path,
                exchange -> {
                    await();
                    exchange.close();
                });
    }

    /** Sends headers and the start of a body, then stalls until the server closes. */
    public LocalHttpServer stallInBody(String path) {
        return handle(
                path,
                exchange -> {
                    drain(exchange);
                    exchange.sendResponseHeaders(200, 1000);
                    OutputStream out = exchange.getResponseBody();
                    out.write(new byte[10]);
                    out.flush();
                    await();
                    exchange.close();
                });
    }

    /** Parses an echo body: {@code method}, {@code uri}, {@code headers}, {@code body}. */
    public static JsonNode echoed(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the body bytes an echo received. */
    public static byte[] echoedBody(JsonNode echo) {
        return Base64.getDecoder().decode(echo.get("body").asText());
    }

    /** Returns the first value of a header an echo received, in any casing; empty if absent. */
    public static String echoedHeader(JsonNode echo, String name) {
        for (Map.Entry<String, JsonNode> e : echo.get("headers").properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().get(0).asText();
            }
        }
        return "";
    }

    private void echo(HttpExchange exchange) throws IOException {
        byte[] received = drain(exchange);
        ObjectNode echo = JSON.createObjectNode();
        echo.put("method", exchange.getRequestMethod());
        echo.put(
                "uri",
                exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery()));
        ObjectNode headers = echo.putObject("headers");
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) -> {
                            var array = headers.putArray(name);
                            values.forEach(array::add);
                        });
        echo.put("body", Base64.getEncoder().encodeToString(received));
        byte[] body = JSON.writeValueAsBytes(echo);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private void await() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases stalled handlers and stops the server. */
    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
