package dev.apigw.runtime.websocket;

import dev.apigw.model.ApiKey;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketAuthorizer;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.model.WebSocketStage;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.auth.WebSocketLambdaAuthorizer;
import dev.apigw.runtime.auth.WebSocketLambdaAuthorizer.Decision;
import dev.apigw.runtime.auth.sigv4.SigV4Verifier;
import dev.apigw.runtime.pipeline.ApiKeys;
import dev.apigw.runtime.pipeline.Backends;
import dev.apigw.runtime.pipeline.UsagePlans;
import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.CredentialsResolver;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Access control of a {@code $connect} route (reference 7.3, 8.2, 8.3, 8.7), run before its
 * integration: the route's authorizer ({@code CUSTOM}: a Lambda {@code REQUEST} authorizer whose
 * identity sources must all be present, else 401 without calling it; {@code AWS_IAM}: a SigV4
 * signature, else 403), then the API key when the route requires one (else 403). What it verified
 * goes into the connection's record: the authorizer's {@code principalId} and context, and the
 * identity fields, which every event of the connection carries. Immutable and thread-safe.
 */
final class ConnectAccess {
    /** No authorization and no API key: every upgrade passes. */
    static final ConnectAccess OPEN = new ConnectAccess(null, null, null, null, null, null);

    private final WebSocketLambdaAuthorizer lambda;
    private final ConnectIdentitySources sources;
    private final ConnectIam iam;
    private final ConnectApiKey apiKey;
    private final String methodArn;
    private final Map<String, String> stageVariables;

    ConnectAccess(
            WebSocketLambdaAuthorizer lambda,
            ConnectIdentitySources sources,
            ConnectIam iam,
            ConnectApiKey apiKey,
            String methodArn,
            Map<String, String> stageVariables) {
        this.lambda = lambda;
        this.sources = sources;
        this.iam = iam;
        this.apiKey = apiKey;
        this.methodArn = methodArn;
        this.stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
    }

    /**
     * Compiles the access control of {@code api}'s {@code $connect} route on {@code stage}: {@link
     * #OPEN} without one; fails when a {@code CUSTOM} route names an authorizer the API lacks.
     */
    static ConnectAccess compile(
            WebSocketApi api,
            WebSocketStage stage,
            Gateway gateway,
            Backends backends,
            Collection<ApiKey> apiKeys,
            Collection<UsagePlan> usagePlans,
            CredentialsResolver credentials) {
        Optional<WebSocketRoute> route = api.route(WebSocketRoute.CONNECT);
        if (route.isEmpty()) {
            return ConnectAccess.OPEN;
        }
        WebSocketLambdaAuthorizer lambda = null;
        ConnectIdentitySources sources = null;
        ConnectIam iam = null;
        if (route.get().authorizationType() == AuthorizationType.CUSTOM) {
            String authorizerId = route.get().authorizerId().orElse("");
            WebSocketAuthorizer authorizer = api.authorizers().get(authorizerId);
            if (authorizer == null) {
                throw new IllegalArgumentException(
                        "route $connect names the authorizer "
                                + authorizerId
                                + ", which "
                                + api.id()
                                + " lacks");
            }
            lambda =
                    WebSocketLambdaAuthorizer.compile(
                            authorizer, gateway, backends, stage.stageVariables());
            sources = new ConnectIdentitySources(authorizer.identitySource());
        } else if (route.get().authorizationType() == AuthorizationType.AWS_IAM) {
            iam =
                    new ConnectIam(
                            new SigV4Verifier(
                                    credentials, gateway.clock(), gateway.region(), false));
        }
        ConnectApiKey apiKey =
                route.get().apiKeyRequired()
                        ? new ConnectApiKey(
                                api,
                                ApiKeys.of(apiKeys),
                                UsagePlans.of(
                                        api.id(),
                                        usagePlans,
                                        gateway.usageStore(),
                                        gateway.clock()),
                                stage.stageName())
                        : null;
        String methodArn =
                "arn:aws:execute-api:"
                        + gateway.region()
                        + ":"
                        + gateway.accountId()
                        + ":"
                        + api.id()
                        + "/"
                        + stage.stageName()
                        + "/"
                        + WebSocketRoute.CONNECT;
        return new ConnectAccess(lambda, sources, iam, apiKey, methodArn, stage.stageVariables());
    }

    /** The outcome of the checks. */
    sealed interface Outcome {
        /** The connection may go on to the integration, with what was verified. */
        record Granted(ConnectionRecord connection) implements Outcome {}

        /** The upgrade is refused with this status: 401, 403 or 500. */
        record Refused(int statusCode) implements Outcome {}
    }

    /** Checks an upgrade request whose connection would be {@code connection}. */
    Outcome check(
            ConnectRequest request,
            ConnectionRecord connection,
            WebSocketEvents events,
            WebSocketEvents.Call call) {
        Map<String, String> authorizer = new LinkedHashMap<>();
        Map<String, String> identity = new LinkedHashMap<>();
        Optional<String> usageIdentifierKey = Optional.empty();
        if (lambda != null) {
            List<String> values =
                    sources.values(request, stageVariables, events.contextOf(connection, call));
            if (values == null) {
                return new Outcome.Refused(401);
            }
            Decision decision =
                    lambda.authorize(
                            events.authorizer(connection, call, methodArn, stageVariables),
                            methodArn,
                            call.requestTime(),
                            connection.sourceIp());
            if (decision instanceof Decision.Refused refused) {
                return new Outcome.Refused(refused.statusCode());
            }
            Decision.Allowed allowed = (Decision.Allowed) decision;
            authorizer.put("principalId", allowed.principalId());
            authorizer.putAll(allowed.context());
            usageIdentifierKey = allowed.usageIdentifierKey();
        }
        if (iam != null) {
            Map<String, String> caller = iam.verify(request, connection.stage());
            if (caller == null) {
                return new Outcome.Refused(403);
            }
            identity.putAll(caller);
        }
        if (apiKey != null) {
            Optional<ApiKey> key = apiKey.check(request, usageIdentifierKey);
            if (key.isEmpty()) {
                return new Outcome.Refused(403);
            }
            identity.put("apiKey", key.get().value());
            identity.put("apiKeyId", key.get().id());
        }
        return new Outcome.Granted(connection.withAuthorization(authorizer, identity));
    }
}
