package dev.apigw.model.cloudformation;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.HttpStage;
import dev.apigw.model.Route;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one {@code AWS::ApiGatewayV2::Api} of {@code ProtocolType: HTTP} and the resources that
 * name it by {@code ApiId} ({@code Integration}, {@code Authorizer}, {@code Route}, {@code Stage};
 * a {@code Deployment} is accepted and has no effect) into an {@link HttpApi}. The API comes from
 * its {@code Body} or {@code BodyS3Location} (an OpenAPI definition, imported as apigatewayv2's
 * {@code ImportApi} imports it), from quick create ({@code Target}: one integration, the route
 * {@code RouteKey} or {@code $default}, and the stage {@code $default} with {@code autoDeploy}), or
 * from {@code Name} alone; {@code Name}, {@code Description}, {@code Version}, {@code
 * CorsConfiguration}, {@code DisableExecuteApiEndpoint} and {@code Tags} then apply.
 */
final class HttpApiReader {
    /** The metadata key of a route SAM generated for a function event (see SamHttpApiEvent). */
    static final String SAM_EVENT = "apigw:SamEvent";

    private static final Pattern LAMBDA =
            Pattern.compile("arn:[^:]+:(lambda:[^:]*:\\d*:function:|apigateway:[^:]*:lambda:).*");
    private static final String[] MEMBERS = {
        "AWS::ApiGatewayV2::Integration",
        "AWS::ApiGatewayV2::Authorizer",
        "AWS::ApiGatewayV2::Route",
        "AWS::ApiGatewayV2::Stage",
        "AWS::ApiGatewayV2::Deployment",
        "AWS::ApiGatewayV2::IntegrationResponse",
        "AWS::ApiGatewayV2::RouteResponse",
        "AWS::ApiGatewayV2::Model"
    };

    private final ImportRun run;
    private final String logicalId;
    private final String apiId;

    private HttpApiReader(ImportRun run, String logicalId) {
        this.run = run;
        this.logicalId = logicalId;
        this.apiId = run.ids().ref(logicalId).asText();
    }

    /**
     * Adds every HTTP API of the template to {@code out}, and its WebSocket APIs ({@link
     * WebSocketApiReader}); fails naming a member resource whose {@code ApiId} names no API of the
     * template.
     */
    static void readAll(ImportRun run, GatewayDefinition.Builder out) {
        for (String id : run.ofType("AWS::ApiGatewayV2::Api")) {
            Props p = run.properties(id);
            if (p.text("ProtocolType").orElse("HTTP").equals("WEBSOCKET")) {
                out.webSocketApi(id, WebSocketApiReader.read(run, id));
            } else {
                out.httpApi(id, new HttpApiReader(run, id).read());
            }
        }
        for (String type : MEMBERS) {
            for (String id : run.ofType(type)) {
                Props p = run.properties(id);
                run.logicalIdOf("AWS::ApiGatewayV2::Api", p.required("ApiId"), p, "ApiId");
            }
        }
    }

    private HttpApi read() {
        Props p = run.properties(logicalId);
        HttpApi.Builder b = HttpApiBody.read(run, p);
        b.id(apiId);
        p.text("Description").ifPresent(b::description);
        p.text("Version").ifPresent(b::version);
        p.bool("DisableExecuteApiEndpoint").ifPresent(b::disableExecuteApiEndpoint);
        p.textMap("Tags").forEach(b::tag);
        if (p.has("CorsConfiguration")) {
            b.corsConfiguration(HttpApiParts.cors(p.object("CorsConfiguration")));
        }
        if (p.has("Target")) {
            quickCreate(p, b);
        }
        for (String id : members("AWS::ApiGatewayV2::Integration")) {
            b.integration(HttpApiParts.integration(run.properties(id), physicalId(id)));
        }
        for (String id : members("AWS::ApiGatewayV2::Authorizer")) {
            b.authorizer(HttpApiParts.authorizer(run.properties(id), physicalId(id)));
        }
        HttpApi partial = build(b);
        Map<String, Route> routes = SamDefaultAuthorizer.apply(run, logicalId, partial);
        for (String id : members("AWS::ApiGatewayV2::Route")) {
            route(id, partial, routes);
        }
        routes.keySet().forEach(b::removeRoute);
        routes.values().forEach(b::route);
        Set<String> stages = new HashSet<>(partial.stages().keySet());
        for (String id : members("AWS::ApiGatewayV2::Stage")) {
            HttpStage stage = HttpStageReader.read(run.properties(id));
            if (!stages.add(stage.stageName())) {
                throw run.properties(id)
                        .fail("StageName", "the stage " + stage.stageName() + " already exists");
            }
            b.stage(stage);
        }
        HttpApi api = build(b);
        String name = p.text("Name").orElse(api.name());
        return name.equals(api.name()) ? api : renamed(api, name);
    }

    /**
     * Adds a route; one whose key the API already has fails as AWS fails, except the route SAM
     * generates for a function event, which gives the body's route its integration (and its
     * authorization when the event sets one).
     */
    private void route(String id, HttpApi partial, Map<String, Route> routes) {
        Props p = run.properties(id);
        Route route = HttpApiParts.route(p, physicalId(id));
        route.integrationId()
                .filter(i -> !partial.integrations().containsKey(i))
                .ifPresent(
                        i -> {
                            throw p.fail(
                                    "Target", "Invalid integration identifier specified: " + i);
                        });
        route.authorizerId()
                .filter(i -> !partial.authorizers().containsKey(i))
                .ifPresent(
                        i -> {
                            throw p.fail(
                                    "AuthorizerId",
                                    "Invalid authorizer identifier specified: " + i);
                        });
        String key = route.routeKey().toString();
        Route existing = routes.get(key);
        if (existing == null) {
            routes.put(key, route);
            return;
        }
        boolean sam =
                run.template().root().path("Resources").path(id).path("Metadata").has(SAM_EVENT);
        if (!sam) {
            throw p.fail("RouteKey", "Route with key " + key + " already exists for this API");
        }
        Route.Builder merged = existing.toBuilder();
        route.integrationId().ifPresent(merged::integrationId);
        if (route.authorizationType() != AuthorizationType.NONE) {
            merged.authorizationType(route.authorizationType())
                    .authorizerId(route.authorizerId().orElse(null))
                    .authorizationScopes(route.authorizationScopes());
        }
        try {
            routes.put(key, merged.build());
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /**
     * Quick create: an {@code AWS_PROXY} integration (payload 2.0) of a Lambda function ARN, else
     * an {@code HTTP_PROXY} of the URL with method {@code ANY}; the route {@code RouteKey} (by
     * default {@code $default}); the stage {@code $default} deploying automatically.
     */
    private void quickCreate(Props p, HttpApi.Builder b) {
        String target = p.required("Target");
        String integrationId = run.ids().id(logicalId + "/quick-create", 7);
        HttpIntegration.Builder integration = HttpIntegration.builder(integrationId);
        if (LAMBDA.matcher(target).matches()) {
            integration.lambdaProxy(target);
        } else {
            integration.httpProxy("ANY", target);
        }
        p.text("CredentialsArn").ifPresent(integration::credentialsArn);
        try {
            b.integration(integration.build());
            b.route(
                    Route.builder(p.text("RouteKey").orElse("$default"))
                            .integrationId(integrationId)
                            .build());
        } catch (IllegalArgumentException e) {
            throw p.fail(p.has("RouteKey") ? "RouteKey" : "Target", e.getMessage());
        }
        b.stage(HttpStage.DEFAULT, s -> s.autoDeploy(true));
    }

    private HttpApi build(HttpApi.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CloudFormationImportException("Resources." + logicalId, e.getMessage(), e);
        }
    }

    private static HttpApi renamed(HttpApi api, String name) {
        return new HttpApi(
                api.id(),
                name,
                api.description(),
                api.version(),
                api.corsConfiguration(),
                api.routes(),
                api.integrations(),
                api.authorizers(),
                api.stages(),
                api.disableExecuteApiEndpoint(),
                api.tags());
    }

    private String physicalId(String logicalId) {
        return run.ids().ref(logicalId).asText();
    }

    private List<String> members(String type) {
        return run.members(type, "ApiId", apiId);
    }
}
