package dev.apigw.runtime.auth;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.runtime.httpapi.HttpResolution;
import dev.apigw.runtime.httpapi.RouteAuthorization;
import dev.apigw.runtime.integration.LambdaArn;
import dev.apigw.runtime.integration.LambdaCall;
import dev.apigw.runtime.integration.LambdaOutcome;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.List;

/**
 * An HTTP API Lambda authorizer (reference 8.6), compiled once and shared by its routes: its
 * identity sources parsed, its function's ARN parsed (looked up among the host's Lambda functions
 * by name, as for REST authorizers) and its result cache taken from the API's {@link
 * AuthorizerCaches}.
 *
 * <p>Per request: a missing or empty identity source answers 401 {@code Unauthorized} without
 * calling the function. A cached answer for the stage and the identity source values serves for
 * {@code authorizerResultTtlInSeconds}, whatever the route (AWS's cache key; add {@code
 * $context.routeKey} to the sources to key by route); else the function gets the 1.0 or 2.0 event
 * ({@link HttpAuthorizerEvent}) and its answer ({@link HttpAuthorizerAnswer}) is cached. The answer
 * is decided against the route ARN: {@code isAuthorized: false}, a Deny or no matching Allow answer
 * 403 {@code Forbidden}. A function error whose message is exactly {@code Unauthorized} answers
 * 401, as on REST APIs; any other function error, an invalid answer, no answer within {@link
 * LambdaAuthorizer#TIMEOUT_MILLIS} or a function that cannot be called answers 500 {@code Internal
 * Server Error}, and is not cached. Thread-safe.
 */
final class HttpLambdaAuthorizer implements RouteAuthorizer {
    private static final String STEP = "authorizer";

    private final String name;
    private final boolean v1;
    private final boolean simple;
    private final IdentitySources sources;
    private final LambdaCall call;
    private final AuthorizerResultCache<HttpAuthorizerAnswer> cache;

    private HttpLambdaAuthorizer(HttpAuthorizer authorizer, AuthorizerCaches caches) {
        this.name = authorizer.name();
        this.v1 = authorizer.authorizerPayloadFormatVersion().orElse("").equals("1.0");
        this.simple = authorizer.enableSimpleResponses();
        this.sources = IdentitySources.parseHttp(authorizer.identitySource());
        this.call =
                new LambdaCall(
                        LambdaArn.parse(authorizer.authorizerUri().orElse("")),
                        LambdaAuthorizer.TIMEOUT_MILLIS,
                        STEP);
        this.cache =
                caches.of(
                        authorizer.authorizerId(),
                        authorizer.authorizerResultTtlInSeconds(),
                        HttpAuthorizerAnswer.class,
                        payload -> HttpAuthorizerAnswer.parse(payload, simple, v1));
    }

    /**
     * Compiles a Lambda authorizer; fails with {@link IllegalArgumentException} naming it when its
     * identity sources or its {@code authorizerUri} cannot be used.
     */
    static HttpLambdaAuthorizer compile(HttpAuthorizer authorizer, AuthorizerCaches caches) {
        try {
            return new HttpLambdaAuthorizer(authorizer, caches);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "authorizer " + authorizer.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Outcome authorize(Exchange exchange) {
        HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
        List<String> identity =
                sources.isEmpty()
                        ? List.of()
                        : sources.values(exchange, resolution.stage().stageVariables());
        if (identity == null) {
            exchange.trace().add(STEP, "Unauthorized request: an identity source is missing");
            throw GatewayException.of(GatewayResponseType.UNAUTHORIZED);
        }
        String routeArn =
                MethodArn.of(
                        exchange,
                        resolution.stageName(),
                        exchange.request().httpMethod(),
                        resolution.path());
        AuthorizerResultCache.Key key =
                cache.isEnabled()
                        ? new AuthorizerResultCache.Key(resolution.stageName(), identity)
                        : null;
        HttpAuthorizerAnswer answer = key == null ? null : cache.get(key, exchange.requestTime());
        if (answer != null) {
            exchange.trace().add(STEP, "Using cached authorizer result of ", name);
        } else {
            exchange.trace().add(STEP, "Starting authorizer: ", name);
            byte[] event =
                    v1
                            ? HttpAuthorizerEvent.v1(exchange, routeArn, identity)
                            : HttpAuthorizerEvent.v2(exchange, routeArn, identity);
            LambdaOutcome outcome = call.invoke(exchange, event);
            answer = answerOf(exchange, outcome);
            if (key != null) {
                byte[] payload = ((LambdaOutcome.Answered) outcome).result().payload();
                cache.put(key, answer, payload, exchange.requestTime());
            }
        }
        PolicyDecision decision = answer.decide(routeArn, exchange);
        if (decision != PolicyDecision.ALLOW) {
            exchange.trace().add(STEP, "The authorizer denied the request: ", decision);
            throw GatewayException.of(GatewayResponseType.ACCESS_DENIED);
        }
        return Outcome.authorized(
                RouteAuthorization.lambda(answer.context(), answer.principalId()));
    }

    private HttpAuthorizerAnswer answerOf(Exchange exchange, LambdaOutcome outcome) {
        if (outcome instanceof LambdaOutcome.Answered answered) {
            try {
                return HttpAuthorizerAnswer.parse(answered.result().payload(), simple, v1);
            } catch (AuthorizerAnswer.Malformed e) {
                throw failure(exchange, "Invalid authorizer response: " + e.getMessage());
            }
        }
        if (outcome instanceof LambdaOutcome.FunctionError error
                && FunctionErrorMessage.isUnauthorized(error.result().payload())) {
            exchange.trace().add(STEP, "Unauthorized request: the function answered Unauthorized");
            throw GatewayException.of(GatewayResponseType.UNAUTHORIZED);
        }
        if (outcome instanceof LambdaOutcome.FunctionError) {
            throw failure(exchange, "the authorizer function failed");
        }
        throw failure(exchange, "the authorizer function could not be called: " + outcome);
    }

    private static GatewayException failure(Exchange exchange, String why) {
        exchange.trace().error(STEP, "Authorizer failed: ", why);
        return GatewayException.of(GatewayResponseType.AUTHORIZER_FAILURE);
    }

    @Override
    public String toString() {
        return "HttpLambdaAuthorizer[" + name + "]";
    }
}
