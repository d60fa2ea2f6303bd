package dev.apigw.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Lambda function for tests: it records every invocation and answers what the test scripted.
 * Scripted answers are used once each, in order, and the last one goes on answering once the others
 * are used; before any is scripted the function returns {@code {}} (for a proxy integration, an
 * empty 200 response).
 *
 * <pre>{@code
 * FakeLambda pets = FakeLambda.create("pets")
 *         .returnsProxyResponse(200, "{\"id\": 7}")
 *         .throwsError("Pet not found", "NotFound");
 * Api api = Api.builder().restApi(petstore).deploy("test").lambda("pets", pets).build();
 * api.handle(Request.of("GET", "/test/pets/7"));
 * assertThat(pets.lastEvent().path()).isEqualTo("/pets/7");
 * }</pre>
 *
 * <p>Thread-safe, as {@link LambdaFunction} requires: concurrent invocations are all recorded and
 * each scripted answer is given once. {@link #close()} (done by {@link ApiGatewayExtension} at the
 * end of each test) makes later invocations fail, so that a call leaking out of its test is seen
 * rather than recorded.
 */
public final class FakeLambda implements LambdaFunction, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final String name;
    private final Script<Invocation, LambdaResult> script;

    private FakeLambda(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.script = new Script<>("FakeLambda " + name, i -> LambdaResult.of(EMPTY_OBJECT));
    }

    /** Returns a fake named {@code name} (the name messages use), with nothing scripted. */
    public static FakeLambda create(String name) {
        return new FakeLambda(name);
    }

    /** Returns the name given at creation. */
    public String name() {
        return name;
    }

    /** Scripts a successful result with this payload, usually JSON. */
    public FakeLambda returns(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return answers(i -> LambdaResult.of(bytes));
    }

    /** Scripts a Lambda proxy response: {@code {"statusCode": …, "body": …}}. */
    public FakeLambda returnsProxyResponse(int statusCode, String body) {
        return returnsProxyResponse(statusCode, Map.of(), body);
    }

    /** Scripts a Lambda proxy response with headers. */
    public FakeLambda returnsProxyResponse(
            int statusCode, Map<String, String> headers, String body) {
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", statusCode);
        ObjectNode h = response.putObject("headers");
        headers.forEach(h::put);
        response.put("body", Objects.requireNonNull(body, "body"));
        return returns(response.toString());
    }

    /**
     * Scripts a function error, as Lambda reports an exception the handler threw: {@code
     * {"errorMessage": …, "errorType": …, "stackTrace": []}} with an {@code Unhandled} function
     * error (502 for a proxy integration; selects an integration response by message for an AWS
     * one).
     */
    public FakeLambda throwsError(String errorMessage, String errorType) {
        LambdaResult error = LambdaResult.functionError(errorMessage, errorType, List.of());
        return answers(i -> error);
    }

    /**
     * Scripts a failure of the Invoke call itself (throttling, a missing permission): the exception
     * is thrown from {@link #invoke}, and API Gateway answers 502.
     */
    public FakeLambda fails(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        return answers(
                i -> {
                    throw failure;
                });
    }

    /** Scripts an answer computed from the invocation (it may also throw). */
    public FakeLambda answers(Function<Invocation, LambdaResult> answer) {
        script.add(answer);
        return this;
    }

    /** Records the invocation and gives the next scripted answer. */
    @Override
    public LambdaResult invoke(LambdaInvocation invocation) {
        return script.call(
                new Invocation(
                        invocation.functionName(),
                        invocation.qualifier(),
                        invocation.functionArn(),
                        invocation.invocationType(),
                        invocation.awsRequestId(),
                        invocation.timeout(),
                        new String(invocation.payload(), StandardCharsets.UTF_8)));
    }

    /** Returns the invocations so far, oldest first. */
    public List<Invocation> invocations() {
        return script.calls();
    }

    /** Returns how many times the function was invoked. */
    public int invocationCount() {
        return script.calls().size();
    }

    /** Returns the last invocation; fails with an {@link AssertionError} if there was none. */
    public Invocation lastInvocation() {
        List<Invocation> calls = script.calls();
        if (calls.isEmpty()) {
            throw new AssertionError(
                    String.format(
                            "%nExpecting FakeLambda %s to have been invoked%nbut it was not",
                            name));
        }
        return calls.get(calls.size() - 1);
    }

    /** Returns the payload of the last invocation as a proxy event. */
    public LambdaEvent lastEvent() {
        return lastInvocation().event();
    }

    /** Makes later invocations throw {@link IllegalStateException}. */
    @Override
    public void close() {
        script.close();
    }

    @Override
    public String toString() {
        return "FakeLambda[" + name + ", " + invocationCount() + " invocations]";
    }

    /**
     * One recorded invocation.
     *
     * @param functionName the function name from the integration's ARN
     * @param qualifier the version or alias; empty when none
     * @param functionArn the function ARN, qualifier included
     * @param invocationType {@code RequestResponse}, or {@code Event} for an asynchronous call
     * @param awsRequestId the Lambda request id
     * @param timeout how long API Gateway waits
     * @param payload the payload as UTF-8 text
     */
    public record Invocation(
            String functionName,
            String qualifier,
            String functionArn,
            String invocationType,
            String awsRequestId,
            Duration timeout,
            String payload) {
        /** Returns the payload parsed as JSON; fails if it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the payload is not JSON: " + payload, e);
            }
        }

        /** Returns the payload as a Lambda proxy event (for AWS_PROXY integrations). */
        public LambdaEvent event() {
            return new LambdaEvent(json());
        }
    }
}
