package dev.apigw.testkit;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.HttpBackendException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An HTTP backend for tests: it records every integration request and answers what the test
 * scripted, without any network. Scripted answers are used once each, in order, and the last one
 * goes on answering once the others are used; before any is scripted the backend answers 200 {@code
 * {}} with {@code Content-Type: application/json}.
 *
 * <pre>{@code
 * RecordingHttpBackend backend = RecordingHttpBackend.create()
 *         .respondsWith(201, "{\"id\": 7}");
 * Api api = Api.builder().restApi(petstore).deploy("test").httpBackend(backend).build();
 * api.handle(Request.of("POST", "/test/pets"));
 * assertThat(backend.lastRequest().uri()).hasPath("/pets");
 * }</pre>
 *
 * <p>Thread-safe, as {@link HttpBackend} requires. {@link #close()} (done by {@link
 * ApiGatewayExtension} at the end of each test) makes later requests fail.
 */
public final class RecordingHttpBackend implements HttpBackend, AutoCloseable {
    private static final Headers JSON_TYPE = Headers.of("Content-Type", "application/json");

    private final Script<RecordedRequest, BackendResponse> script;

    private RecordingHttpBackend() {
        script = new Script<>("RecordingHttpBackend", r -> response(200, JSON_TYPE, "{}"));
    }

    /** Returns a backend with nothing scripted. */
    public static RecordingHttpBackend create() {
        return new RecordingHttpBackend();
    }

    /** Scripts a response with this status and body, typed {@code application/json}. */
    public RecordingHttpBackend respondsWith(int statusCode, String body) {
        return respondsWith(statusCode, JSON_TYPE, body);
    }

    /** Scripts a response with this status, headers (exactly these) and body. */
    public RecordingHttpBackend respondsWith(int statusCode, Headers headers, String body) {
        BackendResponse response = response(statusCode, headers, body);
        return answers(r -> response);
    }

    /** Scripts a response. */
    public RecordingHttpBackend respondsWith(BackendResponse response) {
        Objects.requireNonNull(response, "response");
        return answers(r -> response);
    }

    /**
     * Scripts a call that does not answer within the integration timeout: API Gateway answers 504
     * INTEGRATION_TIMEOUT.
     */
    public RecordingHttpBackend timesOut() {
        return answers(
                r -> {
                    throw new HttpBackendException(
                            HttpBackendException.Failure.TIMEOUT,
                            "no answer within " + r.timeout().toMillis() + " ms (simulated)",
                            null);
                });
    }

    /**
     * Scripts a call that cannot reach the backend (connection refused): API Gateway answers
     * INTEGRATION_FAILURE.
     */
    public RecordingHttpBackend failsWithNetworkError() {
        return answers(
                r -> {
                    throw new HttpBackendException(
                            HttpBackendException.Failure.NETWORK,
                            "connection refused: " + r.uri().getAuthority() + " (simulated)",
                            null);
                });
    }

    /** Scripts an answer computed from the request (it may also throw). */
    public RecordingHttpBackend answers(Function<RecordedRequest, BackendResponse> answer) {
        script.add(answer);
        return this;
    }

    /** Records the request and gives the next scripted answer. */
    @Override
    public BackendResponse send(BackendRequest request) {
        return script.call(
                new RecordedRequest(
                        request.httpMethod(),
                        request.uri(),
                        request.headers(),
                        request.body().clone(),
                        request.timeout()));
    }

    /** Returns the requests so far, oldest first. */
    public List<RecordedRequest> requests() {
        return script.calls();
    }

    /** Returns how many requests were sent. */
    public int requestCount() {
        return script.calls().size();
    }

    /** Returns the last request; fails with an {@link AssertionError} if there was none. */
    public RecordedRequest lastRequest() {
        return script.last("a request");
    }

    /** Makes later requests throw {@link IllegalStateException}. */
    @Override
    public void close() {
        script.close();
    }

    @Override
    public String toString() {
        return "RecordingHttpBackend[" + requestCount() + " requests]";
    }

    private static BackendResponse response(int statusCode, Headers headers, String body) {
        return new BackendResponse(statusCode, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One recorded integration request.
     *
     * @param httpMethod the method sent
     * @param uri the absolute URI, query included
     * @param headers the headers sent
     * @param body a copy of the body bytes
     * @param timeout the integration timeout
     */
    public record RecordedRequest(
            String httpMethod, URI uri, Headers headers, byte[] body, Duration timeout) {
        /** Returns the body decoded as UTF-8. */
        public String bodyAsString() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Returns the first value of a header, in any casing. */
        public Optional<String> header(String name) {
            return headers.first(name);
        }

        @Override
        public String toString() {
            return httpMethod + " " + uri + " " + headers + " " + bodyAsString();
        }
    }
}
