package dev.apigw.samples.localserver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on an ephemeral loopback port standing for an AWS service endpoint
 * (LocalStack, ElasticMQ): it records every call it gets and answers each with one fixed status,
 * {@code Content-Type} and body, by default SQS's JSON answer to SendMessage.
 */
final class RecordingAwsEndpoint implements AutoCloseable {
    static final String SQS_ANSWER =
            "{\"MD5OfMessageBody\":\"49f68a5c8493ec2c0bf489821c21fc3b\","
                    + "\"MessageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\"}";
    static final String JSON_1_0 = "application/x-amz-json-1.0";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final int status;
    private final String contentType;
    private final String body;

    private RecordingAwsEndpoint(int status, String contentType, String body) throws IOException {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::record);
        server.start();
    }

    /** Starts an endpoint answering 200 with SQS's SendMessage answer. */
    static RecordingAwsEndpoint start() {
        return start(200, JSON_1_0, SQS_ANSWER);
    }

    /** Starts an endpoint answering every call with this status, content type and body. */
    static RecordingAwsEndpoint start(int status, String contentType, String body) {
        try {
            return new RecordingAwsEndpoint(status, contentType, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {@code http://127.0.0.1:PORT}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Returns the next call received, waiting for it at most 30 seconds. */
    Call next() throws InterruptedException {
        Call call = calls.poll(30, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("the AWS endpoint got no call within 30 s");
        }
        return call;
    }

    /** Returns whether no call was received so far. */
    boolean noCalls() {
        return calls.isEmpty();
    }

    private void record(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        byte[] received;
        try (InputStream in = exchange.getRequestBody()) {
            received = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) ->
                                headers.put(
                                        name.toLowerCase(Locale.ROOT), String.join(",", values)));
        calls.add(
                new Call(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath()
                                + (exchange.getRequestURI().getRawQuery() == null
                                        ? ""
                                        : "?" + exchange.getRequestURI().getRawQuery()),
                        headers,
                        new String(received, StandardCharsets.UTF_8)));
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of(contentType));
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * One call the endpoint received.
     *
     * @param method the method
     * @param uri the raw path and query
     * @param headers the headers, names lower case, repeated values joined by commas
     * @param body the body, UTF-8
     */
    record Call(String method, String uri, Map<String, String> headers, String body) {
        /** Returns a header's value, or empty. */
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }
}
