package dev.apigw.samples.localserver.isolate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda Runtime API, version {@code 2018-06-01}, that the runtime processes of isolated
 * functions poll, served on {@code 127.0.0.1} on an ephemeral port by the JDK's {@code
 * com.sun.net.httpserver} (a thread per waiting {@code next}, nothing shared with the gateway's
 * Jetty). Each process is told its own endpoint, {@code 127.0.0.1:<port>/<session>}, so a path
 * prefix names the {@link RuntimeSession} a request belongs to (the runtime interface client
 * appends {@code /2018-06-01/runtime/…} to {@code AWS_LAMBDA_RUNTIME_API} as it is).
 *
 * <p>Routes, as AWS documents them: {@code GET /runtime/invocation/next} (200, the event, with
 * {@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code -Invoked-Function-Arn} and
 * {@code -Trace-Id}); {@code POST /runtime/invocation/{id}/response} (202; 413 past 6 MB, and the
 * invocation fails with {@code Function.ResponseSizeTooLarge}); {@code POST
 * /runtime/invocation/{id}/error} (202; the body, else the {@code
 * Lambda-Runtime-Function-Error-Type} header, is the function error); {@code POST
 * /runtime/init/error} (202). A report for an id that is not the running invocation gets 400 {@code
 * InvalidRequestID}, as the Lambda runtime interface emulator answers; an unknown path 404, a known
 * path with another method 405.
 */
public final class RuntimeApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeApiServer.class);
    private static final String VERSION = "2018-06-01";
    private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Map<String, RuntimeSession> sessions = new ConcurrentHashMap<>();

    private RuntimeApiServer(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts the server on {@code 127.0.0.1}, on an ephemeral port. */
    public static RuntimeApiServer start(Clock clock) throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor =
                Executors.newCachedThreadPool(
                        task -> {
                            Thread t =
                                    new Thread(
                                            task,
                                            "lambda-runtime-api-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        RuntimeApiServer api = new RuntimeApiServer(server, executor, clock);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** Returns the port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the {@code AWS_LAMBDA_RUNTIME_API} value of a session: host, port and prefix. */
    String endpoint(RuntimeSession session) {
        return "127.0.0.1:" + port() + "/" + session.id();
    }

    /** Serves this session's requests from now on. */
    void register(RuntimeSession session) {
        sessions.put(session.id(), session);
    }

    /** Stops serving this session (its process is gone). */
    void unregister(RuntimeSession session) {
        sessions.remove(session.id(), session);
    }

    /** Stops the server and the threads that wait in {@code next}. */
    @Override
    public void close() {
        sessions.values().forEach(RuntimeSession::close);
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Runtime API request {} failed", exchange.getRequestURI(), e);
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String[] segments = exchange.getRequestURI().getRawPath().split("/", -1);
        // "", session, 2018-06-01, runtime, then invocation/next, invocation/{id}/response,
        // invocation/{id}/error or init/error
        RuntimeSession session = segments.length > 1 ? sessions.get(segments[1]) : null;
        if (session == null
                || segments.length < 6
                || !segments[2].equals(VERSION)
                || !segments[3].equals("runtime")) {
            notFound(exchange);
            return;
        }
        String method = exchange.getRequestMethod();
        if (segments.length == 6
                && segments[4].equals("invocation")
                && segments[5].equals("next")) {
            if (requireMethod(exchange, method, "GET")) {
                next(exchange, session);
            }
        } else if (segments.length == 6
                && segments[4].equals("init")
                && segments[5].equals("error")) {
            if (requireMethod(exchange, method, "POST")) {
                byte[] body = readBody(exchange);
                String errorType = exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER);
                answer(exchange, session.initError(errorType, body == null ? new byte[0] : body));
            }
        } else if (segments.length == 7 && segments[4].equals("invocation")) {
            String requestId = segments[5];
            if (segments[6].equals("response")) {
                if (requireMethod(exchange, method, "POST")) {
                    byte[] body = readBody(exchange);
                    answer(
                            exchange,
                            body == null
                                    ? session.respondTooLarge(requestId)
                                    : session.respond(requestId, body));
                }
            } else if (segments[6].equals("error")) {
                if (requireMethod(exchange, method, "POST")) {
                    byte[] body = readBody(exchange);
                    String errorType = exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER);
                    answer(
                            exchange,
                            body == null
                                    ? session.respondTooLarge(requestId)
                                    : session.fail(requestId, errorType, body));
                }
            } else {
                notFound(exchange);
            }
        } else {
            notFound(exchange);
        }
    }

    private void next(HttpExchange exchange, RuntimeSession session)
            throws IOException, InterruptedException {
        Optional<PendingInvocation> taken = session.next(clock.millis());
        if (taken.isEmpty()) {
            send(
                    exchange,
                    500,
                    error("Internal Server Error", "InternalServerError"),
                    "application/json");
            return;
        }
        PendingInvocation invocation = taken.get();
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(invocation.started().join()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        send(exchange, 200, invocation.payload(), "application/json");
    }

    /** Reads the body; null when it passes Lambda's 6 MB response quota. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(LambdaResult.MAX_RESPONSE_BYTES + 1);
            return body.length > LambdaResult.MAX_RESPONSE_BYTES ? null : body;
        }
    }

    private static boolean requireMethod(HttpExchange exchange, String method, String allowed)
            throws IOException {
        if (method.equals(allowed)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, new byte[0], null);
        return false;
    }

    private static void answer(HttpExchange exchange, RuntimeSession.Answer answer)
            throws IOException {
        switch (answer) {
            case ACCEPTED:
                send(exchange, 202, utf8("{\"status\":\"OK\"}"), "application/json");
                break;
            case INVALID_REQUEST_ID:
                send(
                        exchange,
                        400,
                        error("Invalid request ID", "InvalidRequestID"),
                        "application/json");
                break;
            case TOO_LARGE:
                send(
                        exchange,
                        413,
                        error(
                                "Exceeded maximum allowed payload size ("
                                        + LambdaResult.MAX_RESPONSE_BYTES
                                        + " bytes).",
                                "RequestEntityTooLarge"),
                        "application/json");
                break;
            default:
                send(
                        exchange,
                        403,
                        error(
                                "State transition from Ready to InitError failed for runtime."
                                        + " Error: State transition is not allowed",
                                "InvalidStateTransition"),
                        "application/json");
                break;
        }
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, utf8("404 page not found\n"), "text/plain; charset=utf-8");
    }

    private static byte[] error(String message, String type) {
        return utf8("{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\"}");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
