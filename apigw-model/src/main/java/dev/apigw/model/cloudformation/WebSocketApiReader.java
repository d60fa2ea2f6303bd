package dev.apigw.model.cloudformation;

import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.model.WebSocketStage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one {@code AWS::ApiGatewayV2::Api} of {@code ProtocolType: WEBSOCKET} (its {@code Name},
 * {@code Description}, {@code RouteSelectionExpression}, {@code ApiKeySelectionExpression}, {@code
 * DisableExecuteApiEndpoint}, {@code Tags}) and the resources that name it by {@code ApiId} into a
 * {@link WebSocketApi} (reference sections 5.4, 7.3, 8.3, 9.1): {@code Integration}s with the
 * {@code IntegrationResponse}s naming them by {@code IntegrationId}, {@code Authorizer}s, {@code
 * Route}s ({@code Target: integrations/ID}) with the {@code RouteResponse}s naming them by {@code
 * RouteId}, and {@code Stage}s. {@code Deployment} and {@code Model} resources are accepted and not
 * read. Errors name the resource.
 */
final class WebSocketApiReader {
    private final ImportRun run;
    private final String logicalId;
    private final String apiId;

    private WebSocketApiReader(ImportRun run, String logicalId) {
        this.run = run;
        this.logicalId = logicalId;
        this.apiId = run.ids().ref(logicalId).asText();
    }

    /** Returns the WebSocket API of this logical id. */
    static WebSocketApi read(ImportRun run, String logicalId) {
        return new WebSocketApiReader(run, logicalId).read();
    }

    private WebSocketApi read() {
        Props p = run.properties(logicalId);
        String expression =
                p.text("RouteSelectionExpression")
                        .filter(s -> !s.isBlank())
                        .orElseThrow(
                                () ->
                                        p.fail(
                                                "RouteSelectionExpression",
                                                "is required for a WebSocket API"));
        WebSocketApi.Builder b =
                WebSocketApi.builder(p.text("Name").orElse(logicalId))
                        .id(apiId)
                        .routeSelectionExpression(expression);
        p.text("ApiKeySelectionExpression").ifPresent(b::apiKeySelectionExpression);
        p.text("Description").ifPresent(b::description);
        p.bool("DisableExecuteApiEndpoint").ifPresent(b::disableExecuteApiEndpoint);
        p.textMap("Tags").forEach(b::tag);
        Map<String, List<Props>> integrationResponses =
                byOwner("AWS::ApiGatewayV2::IntegrationResponse", "IntegrationId");
        Set<String> integrations = new HashSet<>();
        for (String id : members("AWS::ApiGatewayV2::Integration")) {
            String physicalId = physicalId(id);
            integrations.add(physicalId);
            b.integration(
                    WebSocketParts.integration(
                            run.properties(id),
                            physicalId,
                            integrationResponses.getOrDefault(physicalId, List.of())));
        }
        requireOwners(integrationResponses, integrations, "IntegrationId", "integration");
        Set<String> authorizers = new HashSet<>();
        for (String id : members("AWS::ApiGatewayV2::Authorizer")) {
            authorizers.add(physicalId(id));
            b.authorizer(WebSocketParts.authorizer(run.properties(id), physicalId(id)));
        }
        Set<String> routeKeys = routes(b, integrations, authorizers);
        Set<String> stages = new HashSet<>();
        for (String id : members("AWS::ApiGatewayV2::Stage")) {
            WebSocketStage stage = WebSocketStageReader.read(run.properties(id), routeKeys);
            if (!stages.add(stage.stageName())) {
                throw run.properties(id)
                        .fail("StageName", "the stage " + stage.stageName() + " already exists");
            }
            b.stage(stage);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CloudFormationImportException("Resources." + logicalId, e.getMessage(), e);
        }
    }

    /** Adds the routes with their route responses; returns their keys. */
    private Set<String> routes(
            WebSocketApi.Builder b, Set<String> integrations, Set<String> authorizers) {
        Map<String, List<Props>> routeResponses =
                byOwner("AWS::ApiGatewayV2::RouteResponse", "RouteId");
        Set<String> routeIds = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (String id : members("AWS::ApiGatewayV2::Route")) {
            Props p = run.properties(id);
            String routeId = physicalId(id);
            routeIds.add(routeId);
            WebSocketRoute route =
                    WebSocketParts.route(
                            p, routeId, routeResponses.getOrDefault(routeId, List.of()));
            route.integrationId()
                    .filter(i -> !integrations.contains(i))
                    .ifPresent(
                            i -> {
                                throw p.fail(
                                        "Target", "Invalid integration identifier specified: " + i);
                            });
            route.authorizerId()
                    .filter(i -> !authorizers.contains(i))
                    .ifPresent(
                            i -> {
                                throw p.fail(
                                        "AuthorizerId",
                                        "Invalid authorizer identifier specified: " + i);
                            });
            if (!keys.add(route.routeKey())) {
                throw p.fail(
                        "RouteKey",
                        "Route with key " + route.routeKey() + " already exists for this API");
            }
            b.route(route);
        }
        requireOwners(routeResponses, routeIds, "RouteId", "route");
        return keys;
    }

    /** Returns the member resources of a type by the id their {@code property} names. */
    private Map<String, List<Props>> byOwner(String type, String property) {
        Map<String, List<Props>> byOwner = new LinkedHashMap<>();
        for (String id : members(type)) {
            Props p = run.properties(id);
            byOwner.computeIfAbsent(p.required(property), k -> new ArrayList<>()).add(p);
        }
        return byOwner;
    }

    /** Fails naming a response resource whose owner is not a resource of this API. */
    private static void requireOwners(
            Map<String, List<Props>> byOwner, Set<String> owners, String property, String kind) {
        byOwner.forEach(
                (owner, resources) -> {
                    if (!owners.contains(owner)) {
                        throw resources
                                .get(0)
                                .fail(property, "no " + kind + " " + owner + " in this API");
                    }
                });
    }

    private String physicalId(String id) {
        return run.ids().ref(id).asText();
    }

    private List<String> members(String type) {
        return run.members(type, "ApiId", apiId);
    }
}
