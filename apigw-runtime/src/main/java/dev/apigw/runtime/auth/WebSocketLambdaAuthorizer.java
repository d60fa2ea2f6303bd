package dev.apigw.runtime.auth;

import dev.apigw.model.WebSocketAuthorizer;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.integration.LambdaArn;
import dev.apigw.runtime.integration.LambdaCall;
import dev.apigw.runtime.integration.LambdaOutcome;
import dev.apigw.runtime.pipeline.Backends;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket API's Lambda {@code REQUEST} authorizer, run on {@code $connect} (reference 7.3,
 * 8.3): the caller gives the event (the WebSocket package writes it), the function is called
 * through {@link LambdaCall} within {@link LambdaAuthorizer#TIMEOUT_MILLIS}, and its answer is read
 * and decided as a REST Lambda authorizer's ({@link AuthorizerAnswer}, the same policy evaluation)
 * against the {@code $connect} ARN. An Allow gives {@link Decision.Allowed} with {@code
 * principalId}, the context as text and {@code usageIdentifierKey}; a Deny or no matching Allow
 * 403; a function error whose message is exactly {@code Unauthorized} 401; any other function
 * error, an invalid answer, a timeout or a function that cannot be called 500. Answers are not
 * cached (the WebSocket authorizer model has no TTL; docs/differences.md). Immutable and
 * thread-safe.
 */
public final class WebSocketLambdaAuthorizer {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLambdaAuthorizer.class);
    private static final String STEP = "authorizer";

    private final String name;
    private final LambdaCall call;
    private final Gateway gateway;
    private final Backends backends;
    private final Map<String, String> stageVariables;

    private WebSocketLambdaAuthorizer(
            WebSocketAuthorizer authorizer,
            Gateway gateway,
            Backends backends,
            Map<String, String> stageVariables) {
        this.name = authorizer.name();
        this.call =
                new LambdaCall(
                        LambdaArn.parseTarget(authorizer.authorizerUri()),
                        LambdaAuthorizer.TIMEOUT_MILLIS,
                        STEP);
        this.gateway = gateway;
        this.backends = backends;
        this.stageVariables = Map.copyOf(stageVariables);
    }

    /**
     * Compiles an authorizer; fails with {@link IllegalArgumentException} naming it when its {@code
     * authorizerUri} names no Lambda function.
     */
    public static WebSocketLambdaAuthorizer compile(
            WebSocketAuthorizer authorizer,
            Gateway gateway,
            Backends backends,
            Map<String, String> stageVariables) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(backends, "backends");
        try {
            return new WebSocketLambdaAuthorizer(authorizer, gateway, backends, stageVariables);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "authorizer " + authorizer.name() + ": " + e.getMessage(), e);
        }
    }

    /** What the authorizer decided of one upgrade request. */
    public sealed interface Decision {
        /**
         * The connection may open.
         *
         * @param principalId the answer's {@code principalId}
         * @param context the answer's context, each value as text ({@code "1"}, {@code "true"})
         * @param usageIdentifierKey the API key the answer named, if any
         */
        record Allowed(
                String principalId,
                Map<String, String> context,
                Optional<String> usageIdentifierKey)
                implements Decision {
            /** Copies, keeping the order. */
            public Allowed {
                Objects.requireNonNull(principalId, "principalId");
                context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
                Objects.requireNonNull(usageIdentifierKey, "usageIdentifierKey");
            }
        }

        /**
         * The upgrade is refused with this status: 401, 403 or 500.
         *
         * @param statusCode the HTTP status of the refusal
         */
        record Refused(int statusCode) implements Decision {}
    }

    /**
     * Calls the function with {@code event} and decides the connection of {@code methodArn} at
     * {@code now} (the {@code aws:CurrentTime} of conditions) from {@code sourceIp} ({@code
     * aws:SourceIp}). Never throws for what the function answers.
     */
    public Decision authorize(byte[] event, String methodArn, Instant now, String sourceIp) {
        LambdaOutcome outcome =
                call.invoke(gateway, backends, ExecutionTrace.off(), event, stageVariables);
        AuthorizerAnswer answer;
        if (outcome instanceof LambdaOutcome.Answered answered) {
            try {
                answer = AuthorizerAnswer.parse(answered.result().payload());
            } catch (AuthorizerAnswer.Malformed e) {
                LOG.warn("authorizer {} answered no valid output: {}", name, e.getMessage());
                return new Decision.Refused(500);
            }
        } else if (outcome instanceof LambdaOutcome.FunctionError error
                && FunctionErrorMessage.isUnauthorized(error.result().payload())) {
            return new Decision.Refused(401);
        } else {
            LOG.warn("authorizer {} failed: {}", name, outcome);
            return new Decision.Refused(500);
        }
        EvaluationContext context = EvaluationContext.anonymous(now).withSourceIp(sourceIp);
        if (answer.decide(methodArn, context) != PolicyDecision.ALLOW) {
            return new Decision.Refused(403);
        }
        Map<String, String> text = new LinkedHashMap<>();
        answer.context().forEach((key, value) -> text.put(key, String.valueOf(value)));
        return new Decision.Allowed(
                answer.principalId(), text, Optional.ofNullable(answer.usageIdentifierKey()));
    }

    @Override
    public String toString() {
        return "WebSocketLambdaAuthorizer[" + name + "]";
    }
}
