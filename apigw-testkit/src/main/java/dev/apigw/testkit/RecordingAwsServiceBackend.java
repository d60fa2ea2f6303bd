package dev.apigw.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An AWS service backend for tests: it records every call an AWS service integration makes (the
 * service, action and parameters of a REST {@code AWS} integration or an HTTP API integration
 * subtype) and answers what the test scripted, without any network. Scripted answers are used once
 * each, in order, and the last one goes on answering once the others are used; before any is
 * scripted the backend answers 200 {@code {}} with {@code Content-Type: application/json}.
 *
 * <pre>{@code
 * RecordingAwsServiceBackend sqs = RecordingAwsServiceBackend.create()
 *         .respondsWith(200, "{\"MessageId\":\"m-1\"}");
 * Api api = Api.builder().httpApi(queueApi).awsServiceBackend(sqs).build();
 * api.handle(Request.builder().httpMethod("POST").target("/orders").body("hi").build());
 * assertThat(sqs.lastCall().action()).isEqualTo("SendMessage");
 * assertThat(sqs.lastCall().parameter("MessageBody")).contains("hi");
 * }</pre>
 *
 * <p>Thread-safe, as {@link AwsServiceBackend} requires. {@link #close()} makes later calls fail.
 */
public final class RecordingAwsServiceBackend implements AwsServiceBackend, AutoCloseable {
    private static final Headers JSON_TYPE = Headers.of("Content-Type", "application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Script<RecordedCall, BackendResponse> script;

    private RecordingAwsServiceBackend() {
        script = new Script<>("RecordingAwsServiceBackend", c -> response(200, JSON_TYPE, "{}"));
    }

    /** Returns a backend with nothing scripted. */
    public static RecordingAwsServiceBackend create() {
        return new RecordingAwsServiceBackend();
    }

    /** Scripts an answer with this status and body, typed {@code application/json}. */
    public RecordingAwsServiceBackend respondsWith(int statusCode, String body) {
        return respondsWith(statusCode, JSON_TYPE, body);
    }

    /** Scripts an answer with this status, headers (exactly these) and body. */
    public RecordingAwsServiceBackend respondsWith(int statusCode, Headers headers, String body) {
        BackendResponse response = response(statusCode, headers, body);
        return answers(c -> response);
    }

    /**
     * Scripts a call that does not answer within the integration timeout (an HTTP API answers 503,
     * a REST API 504).
     */
    public RecordingAwsServiceBackend timesOut() {
        return answers(
                c -> {
                    throw new HttpBackendException(
                            HttpBackendException.Failure.TIMEOUT,
                            "no answer within " + c.timeoutMillis() + " ms (simulated)",
                            null);
                });
    }

    /** Scripts a call that cannot reach the service (connection refused). */
    public RecordingAwsServiceBackend failsWithNetworkError() {
        return answers(
                c -> {
                    throw new HttpBackendException(
                            HttpBackendException.Failure.NETWORK,
                            "connection refused: " + c.service() + " (simulated)",
                            null);
                });
    }

    /** Scripts an answer computed from the call (it may also throw). */
    public RecordingAwsServiceBackend answers(Function<RecordedCall, BackendResponse> answer) {
        script.add(answer);
        return this;
    }

    /** Records the call and gives the next scripted answer. */
    @Override
    public BackendResponse call(AwsServiceRequest request) {
        return script.call(new RecordedCall(request, request.body().clone()));
    }

    /** Returns the calls so far, oldest first. */
    public List<RecordedCall> calls() {
        return script.calls();
    }

    /** Returns how many calls were made. */
    public int callCount() {
        return script.calls().size();
    }

    /** Returns the last call; fails with an {@link AssertionError} if there was none. */
    public RecordedCall lastCall() {
        return script.last("a call");
    }

    /** Makes later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        script.close();
    }

    @Override
    public String toString() {
        return "RecordingAwsServiceBackend[" + callCount() + " calls]";
    }

    private static BackendResponse response(int statusCode, Headers headers, String body) {
        Objects.requireNonNull(headers, "headers");
        return new BackendResponse(statusCode, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One recorded call.
     *
     * @param request the request as the integration made it
     * @param body a copy of its body bytes
     */
    public record RecordedCall(AwsServiceRequest request, byte[] body) {
        /** Returns the service, e.g. {@code sqs}, {@code events}, {@code states}. */
        public String service() {
            return request.service();
        }

        /** Returns the action, e.g. {@code SendMessage}; empty for a REST {@code path/} URI. */
        public String action() {
            return request.action();
        }

        /** Returns the region the call went to. */
        public String region() {
            return request.region();
        }

        /** Returns the first value of a header, in any casing. */
        public Optional<String> header(String name) {
            return request.headers().first(name);
        }

        /** Returns the body decoded as UTF-8. */
        public String bodyAsString() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Returns the body parsed as JSON; fails with an {@link AssertionError} if it is not. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the call's body is not JSON: " + bodyAsString(), e);
            }
        }

        /**
         * Returns a parameter of the call: a top-level member of a JSON body (its text, or its JSON
         * for an object or array), else the first value of a query parameter; empty when the call
         * has neither.
         */
        public Optional<String> parameter(String name) {
            if (body.length > 0 && body[0] == '{') {
                JsonNode value = json().get(name);
                if (value != null) {
                    return Optional.of(value.isValueNode() ? value.asText() : value.toString());
                }
            }
            List<String> values = request.queryParameters().get(name);
            return values == null || values.isEmpty()
                    ? Optional.empty()
                    : Optional.of(values.get(0));
        }

        /** Returns the integration timeout in milliseconds. */
        public long timeoutMillis() {
            return request.timeout().toMillis();
        }

        @Override
        public String toString() {
            return service() + " " + action() + " " + request.headers() + " " + bodyAsString();
        }
    }
}
