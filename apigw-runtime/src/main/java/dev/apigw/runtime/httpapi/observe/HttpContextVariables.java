package dev.apigw.runtime.httpapi.observe;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.httpapi.CompiledRoute;
import dev.apigw.runtime.httpapi.HttpResolution;
import dev.apigw.runtime.httpapi.RouteAuthorization;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.IamIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code $context} variables of HTTP APIs (reference 10.4) that every request has, read by
 * parameter mappings (reference 5.5) and access logs: {@code accountId}, {@code apiId}, {@code
 * domainName}, {@code domainPrefix}, {@code requestId} and {@code extendedRequestId} (the same
 * short id on HTTP APIs), {@code httpMethod}, {@code path}, {@code protocol}, {@code requestTime},
 * {@code requestTimeEpoch}, {@code routeKey} and {@code stage} (once resolved), {@code
 * identity.sourceIp}, {@code identity.userAgent}, the IAM caller's {@code identity.*} (reference
 * 8.7), and the {@code authorizer} group from the route's {@link RouteAuthorization}: {@code
 * authorizer.claims.<claim>} of a JWT, {@code authorizer.<key>} of a Lambda authorizer's context,
 * values with their JSON types rendered as JSON writes them ({@code 1}, {@code true}, not
 * stringified), {@code authorizer.principalId}, and {@code authorizer.error}, the message of the
 * answer an authorizer refused the request with. REST's {@code resourceId}, {@code resourcePath},
 * {@code deploymentId} and {@code isCanaryRequest} are not HTTP API variables.
 */
public final class HttpContextVariables {
    private static final Set<GatewayResponseType> AUTHORIZER_ERRORS =
            Set.of(
                    GatewayResponseType.UNAUTHORIZED,
                    GatewayResponseType.ACCESS_DENIED,
                    GatewayResponseType.AUTHORIZER_FAILURE,
                    GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR);

    private HttpContextVariables() {}

    /** Registers the variables every HTTP API request has. */
    public static void register(ContextVariables.Builder variables) {
        variables
                .register("accountId", e -> e.gateway().accountId())
                .register("apiId", e -> e.state().apiId())
                .register("domainName", ContextVariables::domainName)
                .register("domainPrefix", ContextVariables::domainPrefix)
                .register("extendedRequestId", Exchange::extendedRequestId)
                .register("requestId", Exchange::requestId)
                .register("httpMethod", e -> e.request().httpMethod())
                .register("path", ContextVariables::requestPath)
                .register("protocol", e -> ContextVariables.PROTOCOL)
                .register("requestTime", e -> ContextVariables.requestTime(e.requestTime()))
                .register("requestTimeEpoch", e -> Long.toString(e.requestTime().toEpochMilli()))
                .register("routeKey", HttpContextVariables::routeKey)
                .register(
                        "stage",
                        e ->
                                e.attribute(HttpResolution.KEY)
                                        .map(HttpResolution::stageName)
                                        .orElse(null))
                .register("identity.sourceIp", e -> e.request().sourceIp())
                .register(
                        "identity.userAgent",
                        e -> e.request().headers().first("User-Agent").orElse(null))
                .register("identity.accessKey", e -> iam(e, IamIdentity::accessKey))
                .register("identity.accountId", e -> iam(e, IamIdentity::accountId))
                .register("identity.caller", e -> iam(e, IamIdentity::caller))
                .register("identity.user", e -> iam(e, IamIdentity::user))
                .register("identity.userArn", e -> iam(e, IamIdentity::userArn))
                .register("identity.cognitoAuthenticationProvider", e -> null)
                .register("identity.cognitoAuthenticationType", e -> null)
                .register("identity.cognitoIdentityId", e -> null)
                .register("identity.cognitoIdentityPoolId", e -> null)
                .register("identity.principalOrgId", e -> null)
                .registerDynamicGroup("authorizer", HttpContextVariables::authorizer);
    }

    private static String routeKey(Exchange e) {
        return e.matchedRoute()
                .map(r -> r.target())
                .filter(CompiledRoute.class::isInstance)
                .map(t -> ((CompiledRoute) t).routeKey())
                .orElse(null);
    }

    private static String iam(Exchange e, Function<IamIdentity, String> field) {
        return e.attribute(RouteAuthorization.KEY)
                .flatMap(RouteAuthorization::iam)
                .map(field)
                .orElse(null);
    }

    /**
     * Returns the {@code authorizer} group: a JWT's {@code claims} (and {@code scopes}), a Lambda
     * authorizer's context keys and {@code principalId}, and {@code error} once an authorizer
     * refused the request; null when there is none of these.
     */
    private static Map<String, Object> authorizer(Exchange e) {
        Map<String, Object> group = new LinkedHashMap<>();
        e.attribute(RouteAuthorization.KEY)
                .ifPresent(
                        a -> {
                            if (a.kind() == RouteAuthorization.Kind.JWT) {
                                group.put("claims", a.claims());
                                group.put("scopes", a.scopes());
                            }
                            group.putAll(a.lambdaContext());
                            a.principalId().ifPresent(p -> group.put("principalId", p));
                        });
        e.record()
                .errorType()
                .filter(AUTHORIZER_ERRORS::contains)
                .ifPresent(t -> group.put("error", e.record().errorMessage().orElse(null)));
        return group.isEmpty() ? null : group;
    }
}
