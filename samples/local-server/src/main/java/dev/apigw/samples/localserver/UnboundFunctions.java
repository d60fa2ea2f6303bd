package dev.apigw.samples.localserver;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import dev.apigw.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Lambda functions that an integration ({@code AWS} or {@code AWS_PROXY}) or a method's
 * authorizer names (on an HTTP API: a route's Lambda proxy integration or Lambda authorizer) and
 * that no binding serves: one warning per method, {@code GET /pets: no Lambda function is bound for
 * NAME; bind it with --lambda NAME=CLASS}. A function named through a stage variable is looked up
 * with the stage's value; one whose name stays unresolved is not reported (the request's execution
 * log says what happened).
 */
final class UnboundFunctions {
    private static final String VARIABLE = "${stageVariables.";

    private UnboundFunctions() {}

    /** Returns the warnings for a definition served on a stage with these bindings. */
    static List<String> of(RestApi api, Set<String> bound, Map<String, String> variables) {
        List<String> warnings = new ArrayList<>();
        for (Resource resource : api.resources().values()) {
            for (Method method : resource.methods().values()) {
                String place = method.httpMethod() + " " + resource.path();
                method.integration()
                        .filter(UnboundFunctions::callsLambda)
                        .flatMap(Integration::uri)
                        .flatMap(uri -> name(uri, variables))
                        .filter(name -> !isBound(name, bound))
                        .ifPresent(name -> warnings.add(place + ": " + hint(name)));
                authorizer(api, method)
                        .ifPresent(
                                authorizer ->
                                        authorizer
                                                .authorizerUri()
                                                .flatMap(uri -> name(uri, variables))
                                                .filter(name -> !isBound(name, bound))
                                                .ifPresent(
                                                        name ->
                                                                warnings.add(
                                                                        place
                                                                                + ": authorizer '"
                                                                                + authorizer.name()
                                                                                + "': "
                                                                                + hint(name))));
            }
        }
        return warnings;
    }

    /**
     * Returns the warnings for an HTTP API served on a stage with these bindings: its routes'
     * Lambda proxy integrations ({@code AWS_PROXY} without a subtype) and Lambda authorizers, each
     * named by its route key ({@code GET /pets: ...}).
     */
    static List<String> of(HttpApi api, Set<String> bound, Map<String, String> variables) {
        List<String> warnings = new ArrayList<>();
        for (Route route : api.routes().values()) {
            String place = route.routeKey().toString();
            route.integrationId()
                    .map(api.integrations()::get)
                    .filter(i -> i.integrationType() == IntegrationType.AWS_PROXY)
                    .filter(i -> i.integrationSubtype().isEmpty())
                    .flatMap(HttpIntegration::integrationUri)
                    .flatMap(uri -> name(uri, variables))
                    .filter(name -> !isBound(name, bound))
                    .ifPresent(name -> warnings.add(place + ": " + hint(name)));
            route.authorizerId()
                    .map(api.authorizers()::get)
                    .filter(a -> a.authorizerType() == HttpAuthorizerType.REQUEST)
                    .ifPresent(
                            authorizer ->
                                    authorizer
                                            .authorizerUri()
                                            .flatMap(uri -> name(uri, variables))
                                            .filter(name -> !isBound(name, bound))
                                            .ifPresent(
                                                    name ->
                                                            warnings.add(
                                                                    place
                                                                            + ": authorizer '"
                                                                            + authorizer.name()
                                                                            + "': "
                                                                            + hint(name))));
        }
        return warnings;
    }

    private static boolean callsLambda(Integration integration) {
        return integration.type() == IntegrationType.AWS_PROXY
                || integration.type() == IntegrationType.AWS
                        && integration.uri().orElse("").contains(":lambda:path/");
    }

    private static Optional<Authorizer> authorizer(RestApi api, Method method) {
        if (method.authorizationType() != AuthorizationType.CUSTOM) {
            return Optional.empty();
        }
        return method.authorizerId().map(api.authorizers()::get);
    }

    private static String hint(String name) {
        return "no Lambda function is bound for "
                + name
                + "; bind it with --lambda "
                + name
                + "=CLASS";
    }

    /** Returns whether a binding serves the function, by {@code name:qualifier} or by name. */
    private static boolean isBound(String name, Set<String> bound) {
        int colon = name.indexOf(':');
        return bound.contains(name) || colon > 0 && bound.contains(name.substring(0, colon));
    }

    /**
     * Returns the function name (with its qualifier, if any) of a Lambda integration or authorizer
     * URI, stage variables replaced; empty when it is not a Lambda function URI or a stage variable
     * in it has no value.
     */
    static Optional<String> name(String uri, Map<String, String> variables) {
        int at = uri.indexOf(":function:");
        if (at < 0) {
            return Optional.empty();
        }
        String rest = uri.substring(at + ":function:".length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        while (name.contains(VARIABLE)) {
            int start = name.indexOf(VARIABLE);
            int end = name.indexOf('}', start);
            String value =
                    end < 0 ? null : variables.get(name.substring(start + VARIABLE.length(), end));
            if (value == null) {
                return Optional.empty();
            }
            name = name.substring(0, start) + value + name.substring(end + 1);
        }
        return Optional.of(name);
    }
}
