package dev.apigw.runtime.auth;

import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.integration.LambdaArn;
import dev.apigw.runtime.integration.LambdaCall;
import dev.apigw.runtime.integration.LambdaOutcome;
import dev.apigw.runtime.pipeline.AuthorizerOutput;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Lambda authorizer of type TOKEN or REQUEST (reference 8.3), compiled once with its deployment:
 * its identity sources parsed ({@link IdentitySources}), its {@code identityValidationExpression}
 * compiled (TOKEN only), its function's ARN parsed and its result cache ({@link
 * AuthorizerResultCache}) taken from the API's {@link AuthorizerCaches}, which outlive a redeploy.
 * The function is an ordinary {@link dev.apigw.runtime.spi.LambdaFunction} bound under the name in
 * {@code authorizerUri}.
 *
 * <p>Per request: a missing or empty identity source (for REQUEST only when caching is on), or a
 * token the validation expression does not match as a whole, answers 401 UNAUTHORIZED {@code
 * {"message":"Unauthorized"}} without calling the function, and without an execution-log line.
 * Otherwise a cached answer for the stage and identity serves, or the function is called with
 * {@link AuthorizerEvent}'s event and its answer ({@link AuthorizerAnswer}) cached; either way the
 * answer's policy is evaluated against this request's method ARN ({@link MethodArn}, 414 past 1,600
 * bytes), so a cached policy answers every method its resources cover. A function error whose
 * {@code errorMessage} is exactly {@code Unauthorized} answers 401; any other function error, a
 * malformed answer, no answer within {@link #TIMEOUT_MILLIS}, an unbound function or a failed call
 * answers 500 AUTHORIZER_CONFIGURATION_ERROR ({@code {"message":null}}, {@code x-amzn-ErrorType:
 * AuthorizerConfigurationException}). These outcomes are not cached; a valid answer is, Allow or
 * Deny alike (AWS caches the returned policy). Thread-safe.
 */
final class LambdaAuthorizer implements MethodAuthorizer {
    /**
     * How long the function may take: AWS documents no Lambda authorizer timeout for REST APIs (the
     * integration's {@code timeoutInMillis} does not apply to it [C]); this is the HTTP API quota
     * "Timeout for Lambda authorizer response", 10,000 ms [DG].
     */
    static final int TIMEOUT_MILLIS = 10_000;

    private static final String STEP = "authorizer";

    private final String name;
    private final AuthorizerType type;
    private final IdentitySources sources;
    private final Pattern validation;
    private final LambdaCall call;
    private final AuthorizerResultCache<AuthorizerAnswer> cache;

    private LambdaAuthorizer(
            String name,
            AuthorizerType type,
            IdentitySources sources,
            Pattern validation,
            LambdaCall call,
            AuthorizerResultCache<AuthorizerAnswer> cache) {
        this.name = name;
        this.type = type;
        this.sources = sources;
        this.validation = validation;
        this.call = call;
        this.cache = cache;
    }

    /**
     * Compiles a TOKEN or REQUEST authorizer; fails with {@link IllegalArgumentException} naming
     * the authorizer when its {@code identitySource} is invalid or missing where required (TOKEN:
     * exactly one header; REQUEST: at least one when the TTL is not 0), its validation expression
     * is no regular expression, or its {@code authorizerUri} names no Lambda function.
     */
    static LambdaAuthorizer compile(Authorizer authorizer, AuthorizerCaches caches) {
        String place = "authorizer " + authorizer.name() + ": ";
        try {
            AuthorizerType type = authorizer.type();
            if (type != AuthorizerType.TOKEN && type != AuthorizerType.REQUEST) {
                throw new IllegalArgumentException("not a Lambda authorizer: " + type);
            }
            IdentitySources sources =
                    IdentitySources.parse(authorizer.identitySource().orElse(null));
            Pattern validation = null;
            if (type == AuthorizerType.TOKEN) {
                checkTokenSource(sources);
                String expression = authorizer.identityValidationExpression().orElse(null);
                validation =
                        expression == null || expression.isEmpty()
                                ? null
                                : Pattern.compile(expression);
            } else if (sources.isEmpty() && authorizer.authorizerResultTtlInSeconds() > 0) {
                throw new IllegalArgumentException(
                        "identitySource is required when authorizerResultTtlInSeconds is not 0");
            }
            LambdaArn arn = LambdaArn.parse(authorizer.authorizerUri().orElse(""));
            return new LambdaAuthorizer(
                    authorizer.name(),
                    type,
                    sources,
                    validation,
                    new LambdaCall(arn, TIMEOUT_MILLIS, STEP),
                    caches.of(authorizer.id(), authorizer.authorizerResultTtlInSeconds()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    place
                            + "identityValidationExpression is no regular expression: "
                            + e.getDescription(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(place + e.getMessage(), e);
        }
    }

    private static void checkTokenSource(IdentitySources sources) {
        if (sources.sources().size() != 1
                || sources.sources().get(0).kind() != IdentitySources.Kind.HEADER) {
            throw new IllegalArgumentException(
                    "a TOKEN authorizer's identitySource must be one header,"
                            + " method.request.header.<name>");
        }
    }

    @Override
    public Authorization authorize(Exchange exchange) {
        List<String> identity = sources.values(exchange);
        if (identity == null && (type == AuthorizerType.TOKEN || cache.isEnabled())) {
            throw GatewayException.of(GatewayResponseType.UNAUTHORIZED); // not logged, as on AWS
        }
        if (validation != null && !BoundedMatch.matches(validation, identity.get(0))) {
            throw GatewayException.of(GatewayResponseType.UNAUTHORIZED); // not logged, as on AWS
        }
        String methodArn = MethodArn.of(exchange);
        AuthorizerResultCache.Key key =
                cache.isEnabled()
                        ? new AuthorizerResultCache.Key(
                                exchange.stageSettings().stageName(),
                                type == AuthorizerType.TOKEN ? identity.get(0) : identity)
                        : null;
        AuthorizerAnswer answer = key == null ? null : cache.get(key, exchange.requestTime());
        AuthorizerOutput output;
        if (answer != null) {
            exchange.trace().add(STEP, "Using cached authorizer result of ", name);
            output = answer.cachedOutput();
        } else {
            Clock clock = exchange.gateway().clock();
            Instant start = clock.instant();
            byte[] event =
                    type == AuthorizerType.TOKEN
                            ? AuthorizerEvent.token(identity.get(0), methodArn)
                            : AuthorizerEvent.request(exchange, methodArn);
            exchange.trace().add(STEP, "Starting authorizer: ", name);
            LambdaOutcome outcome = call.invoke(exchange, event);
            answer = answerOf(exchange, outcome);
            output = answer.output(Duration.between(start, clock.instant()).toMillis());
            if (key != null) {
                byte[] payload = ((LambdaOutcome.Answered) outcome).result().payload();
                cache.put(key, answer, payload, exchange.requestTime());
            }
        }
        PolicyDecision decision = answer.decide(methodArn, exchange);
        if (exchange.trace().isRecording()) {
            exchange.trace()
                    .add(
                            STEP,
                            "Authorizer policy for principal " + answer.principalId() + ": ",
                            decision);
        }
        return new Authorization(exchange.withAuthorizerOutput(output), decision);
    }

    private AuthorizerAnswer answerOf(Exchange exchange, LambdaOutcome outcome) {
        if (outcome instanceof LambdaOutcome.Answered answered) {
            try {
                return AuthorizerAnswer.parse(answered.result().payload());
            } catch (AuthorizerAnswer.Malformed e) {
                throw configurationError(
                        exchange, "Invalid authorizer response: " + e.getMessage());
            }
        }
        if (outcome instanceof LambdaOutcome.FunctionError error) {
            if (FunctionErrorMessage.isUnauthorized(error.result().payload())) {
                throw unauthorized(exchange, "the authorizer function answered Unauthorized");
            }
            throw configurationError(exchange, "the authorizer function failed");
        }
        throw configurationError(exchange, "the authorizer function could not be called");
    }

    private GatewayException unauthorized(Exchange exchange, String why) {
        exchange.trace().add(STEP, "Unauthorized request: ", why);
        return GatewayException.of(GatewayResponseType.UNAUTHORIZED);
    }

    private GatewayException configurationError(Exchange exchange, String why) {
        exchange.trace().error(STEP, "Execution failed due to configuration error: ", why);
        return GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR);
    }

    @Override
    public String toString() {
        return "LambdaAuthorizer[" + name + ", " + type + "]";
    }
}
