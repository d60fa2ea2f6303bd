package dev.apigw.runtime.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.integration.LambdaCall;
import dev.apigw.runtime.integration.LambdaOutcomes;
import dev.apigw.runtime.pipeline.Backends;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda function of a WebSocket {@code AWS} integration (reference 6.1): the mapped body is
 * the payload ({@code {}} when empty), the function runs through {@link LambdaCall} on the
 * account's threads within the integration's timeout. A function that ran answers 200 with its
 * payload; a function error also answers 200, with the error payload and its {@code errorMessage}
 * (the payload's text when it has none), which selects the integration response. An unbound
 * function is 500, a timeout 504, an answer past Lambda's quota or a failed call 502 ({@link
 * LambdaOutcomes}). Immutable and thread-safe.
 */
final class LambdaFunctionCall implements IntegrationCall {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaCall call;
    private final Gateway gateway;
    private final Backends backends;
    private final Map<String, String> stageVariables;

    LambdaFunctionCall(
            LambdaCall call,
            Gateway gateway,
            Backends backends,
            Map<String, String> stageVariables) {
        this.call = call;
        this.gateway = gateway;
        this.backends = backends;
        this.stageVariables = Map.copyOf(stageVariables);
    }

    @Override
    public Answer call(RouteRequest request, Mapped mapped) {
        LambdaResult result =
                LambdaOutcomes.resultOrThrow(
                        call.invoke(
                                gateway,
                                backends,
                                ExecutionTrace.off(),
                                mapped.body(),
                                stageVariables));
        Optional<String> error = result.functionError().map(kind -> errorMessage(result.payload()));
        return new Answer(200, Headers.empty(), result.payload(), error);
    }

    private static String errorMessage(byte[] payload) {
        try {
            JsonNode error = JSON.readTree(payload);
            if (error != null && error.path("errorMessage").isValueNode()) {
                return error.get("errorMessage").asText();
            }
        } catch (IOException e) {
            // not JSON: the payload's text is the message
        }
        return new String(payload, StandardCharsets.UTF_8);
    }
}
