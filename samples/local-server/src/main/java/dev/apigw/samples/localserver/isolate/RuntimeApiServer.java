package dev.apigw.samples.localserver.isolate;

import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda Runtime API, version {@code 2018-06-01}, that the runtime processes of isolated
 * functions poll, served on {@code 127.0.0.1} on an ephemeral port by its own Jetty server (a
 * pooled thread per waiting {@code next}; Jetty writes an answer's head and body in one write with
 * {@code TCP_NODELAY}, where the JDK's {@code com.sun.net.httpserver} costs each warm invocation
 * ~90 ms of delayed ACKs). Each process is told its own endpoint, {@code
 * 127.0.0.1:<port>/<session>}, so a path prefix names the {@link RuntimeSession} a request belongs
 * to (the runtime interface client appends {@code /2018-06-01/runtime/…} to {@code
 * AWS_LAMBDA_RUNTIME_API} as it is).
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
    private static final String JSON = "application/json";

    /**
     * How long a runtime's connection may stay silent, a {@code next} waiting for an invocation
     * included: a day. Past it the client fails its poll and exits, and the function's next call
     * starts a new process.
     */
    private static final Duration IDLE_TIMEOUT = Duration.ofDays(1);

    private final Server server;
    private final ServerConnector connector;
    private final Clock clock;
    private final Map<String, RuntimeSession> sessions = new ConcurrentHashMap<>();

    private RuntimeApiServer(Clock clock) {
        this.clock = clock;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("lambda-runtime-api");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.setHandler(new RuntimeHandler());
        server.setStopTimeout(0);
    }

    /** Starts the server on {@code 127.0.0.1}, on an ephemeral port. */
    public static RuntimeApiServer start(Clock clock) throws IOException {
        RuntimeApiServer api = new RuntimeApiServer(clock);
        try {
            api.server.start();
        } catch (Exception e) {
            throw new IOException("Could not start the Lambda Runtime API", e);
        }
        return api;
    }

    /** Returns the port the server listens on. */
    public int port() {
        return connector.getLocalPort();
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

    /** Releases the requests that wait in {@code next}, then stops the server. */
    @Override
    public void close() {
        sessions.values().forEach(RuntimeSession::close);
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The Lambda Runtime API did not stop cleanly", e);
        }
    }

    /** What one request is answered: a status, a body and its type, extra headers. */
    private record Reply(int status, byte[] body, String contentType, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, body.getBytes(StandardCharsets.UTF_8), JSON, Map.of());
        }

        static Reply error(int status, String message, String type) {
            return json(
                    status,
                    "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\"}");
        }
    }

    private final class RuntimeHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Reply reply;
            try {
                reply = route(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply = Reply.error(500, "Internal Server Error", "InternalServerError");
            } catch (IOException | RuntimeException e) {
                LOG.debug("Runtime API request {} failed", request.getHttpURI(), e);
                reply = Reply.error(500, "Internal Server Error", "InternalServerError");
            }
            response.setStatus(reply.status());
            if (reply.contentType() != null) {
                response.getHeaders().put("Content-Type", reply.contentType());
            }
            reply.headers().forEach(response.getHeaders()::put);
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }
    }

    private Reply route(Request request) throws IOException, InterruptedException {
        String[] segments = request.getHttpURI().getPath().split("/", -1);
        // "", session, 2018-06-01, runtime, then invocation/next, invocation/{id}/response,
        // invocation/{id}/error or init/error
        RuntimeSession session = segments.length > 1 ? sessions.get(segments[1]) : null;
        if (session == null
                || segments.length < 6
                || !segments[2].equals(VERSION)
                || !segments[3].equals("runtime")) {
            return notFound();
        }
        String method = request.getMethod();
        String errorType = request.getHeaders().get(ERROR_TYPE_HEADER);
        if (segments.length == 6
                && segments[4].equals("invocation")
                && segments[5].equals("next")) {
            return method.equals("GET") ? next(session) : notAllowed("GET");
        }
        if (segments.length == 6 && segments[4].equals("init") && segments[5].equals("error")) {
            if (!method.equals("POST")) {
                return notAllowed("POST");
            }
            byte[] body = readBody(request);
            return answer(session.initError(errorType, body == null ? new byte[0] : body));
        }
        if (segments.length != 7 || !segments[4].equals("invocation")) {
            return notFound();
        }
        String requestId = segments[5];
        boolean response = segments[6].equals("response");
        if (!response && !segments[6].equals("error")) {
            return notFound();
        }
        if (!method.equals("POST")) {
            return notAllowed("POST");
        }
        byte[] body = readBody(request);
        if (body == null) {
            return answer(session.respondTooLarge(requestId));
        }
        return answer(
                response
                        ? session.respond(requestId, body)
                        : session.fail(requestId, errorType, body));
    }

    private Reply next(RuntimeSession session) throws InterruptedException {
        Optional<PendingInvocation> taken = session.next(clock.millis());
        if (taken.isEmpty()) {
            return Reply.error(500, "Internal Server Error", "InternalServerError");
        }
        PendingInvocation invocation = taken.get();
        return new Reply(
                200,
                invocation.payload(),
                JSON,
                Map.of(
                        "Lambda-Runtime-Aws-Request-Id", invocation.requestId(),
                        "Lambda-Runtime-Deadline-Ms", String.valueOf(invocation.started().join()),
                        "Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn(),
                        "Lambda-Runtime-Trace-Id", invocation.traceId()));
    }

    /** Reads the body; null when it passes Lambda's 6 MB response quota. */
    private static byte[] readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(LambdaResult.MAX_RESPONSE_BYTES + 1);
            return body.length > LambdaResult.MAX_RESPONSE_BYTES ? null : body;
        }
    }

    private static Reply answer(RuntimeSession.Answer answer) {
        switch (answer) {
            case ACCEPTED:
                return Reply.json(202, "{\"status\":\"OK\"}");
            case INVALID_REQUEST_ID:
                return Reply.error(400, "Invalid request ID", "InvalidRequestID");
            case TOO_LARGE:
                return Reply.error(
                        413,
                        "Exceeded maximum allowed payload size ("
                                + LambdaResult.MAX_RESPONSE_BYTES
                                + " bytes).",
                        "RequestEntityTooLarge");
            default:
                return Reply.error(
                        403,
                        "State transition from Ready to InitError failed for runtime."
                                + " Error: State transition is not allowed",
                        "InvalidStateTransition");
        }
    }

    private static Reply notFound() {
        return new Reply(
                404,
                "404 page not found\n".getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8",
                Map.of());
    }

    private static Reply notAllowed(String allowed) {
        return new Reply(405, new byte[0], null, Map.of("Allow", allowed));
    }
}
