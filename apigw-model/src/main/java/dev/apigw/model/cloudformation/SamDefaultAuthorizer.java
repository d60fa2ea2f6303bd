package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code DefaultAuthorizer} of an {@code AWS::Serverless::HttpApi} with a {@code
 * DefinitionBody}: SAM writes it into every operation of the body that has an integration and no
 * authorizer of its own (reference 8.5, 8.6). The transform marks the generated {@code
 * AWS::ApiGatewayV2::Api} with the authorizer's logical id (or {@code AWS_IAM}) and scopes in its
 * {@code Metadata}; the reader applies it to the routes the body defines.
 */
final class SamDefaultAuthorizer {
    private static final String KEY = "apigw:SamDefaultAuthorizer";

    private SamDefaultAuthorizer() {}

    /**
     * Marks {@code api} (the generated resource) with the default authorizer {@code authorizer}
     * (its logical id, or {@code AWS_IAM}) and its {@code scopes} (null for none).
     */
    static void mark(ObjectNode api, String authorizer, JsonNode scopes) {
        ObjectNode mark = api.withObjectProperty("Metadata").putObject(KEY);
        mark.put("Authorizer", authorizer);
        if (scopes != null && scopes.isArray()) {
            mark.set("AuthorizationScopes", scopes);
        }
    }

    /**
     * Returns the routes of {@code api} (as its body defined them, the API of logical id {@code
     * apiLogicalId}) with the default authorizer on each that has an integration and authorization
     * {@code NONE}; unchanged when the API carries no mark.
     */
    static Map<String, Route> apply(ImportRun run, String apiLogicalId, HttpApi api) {
        JsonNode mark =
                run.template()
                        .root()
                        .path("Resources")
                        .path(apiLogicalId)
                        .path("Metadata")
                        .path(KEY);
        Map<String, Route> routes = new LinkedHashMap<>(api.routes());
        if (mark.isMissingNode()) {
            return routes;
        }
        String authorizer = mark.path("Authorizer").asText();
        List<String> scopes = new ArrayList<>();
        mark.path("AuthorizationScopes").forEach(s -> scopes.add(s.asText()));
        routes.replaceAll(
                (key, route) ->
                        route.integrationId().isEmpty()
                                        || route.authorizationType() != AuthorizationType.NONE
                                ? route
                                : authorized(run, api, route, authorizer, scopes));
        return routes;
    }

    private static Route authorized(
            ImportRun run, HttpApi api, Route route, String authorizer, List<String> scopes) {
        Route.Builder b = route.toBuilder();
        if (authorizer.equals("AWS_IAM")) {
            return b.authorizationType(AuthorizationType.AWS_IAM).build();
        }
        String id = run.ids().ref(authorizer).asText();
        HttpAuthorizer found = api.authorizers().get(id);
        if (found.authorizerType() == HttpAuthorizerType.JWT) {
            return b.jwt(id, scopes.toArray(String[]::new)).build();
        }
        return b.custom(id).build();
    }
}
