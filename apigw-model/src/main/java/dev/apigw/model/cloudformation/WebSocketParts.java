package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.WebSocketAuthorizer;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketIntegrationResponse;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.model.WebSocketRouteResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the resources of a WebSocket API ({@code AWS::ApiGatewayV2::Integration}, {@code
 * IntegrationResponse}, {@code Route}, {@code RouteResponse}, {@code Authorizer}) into the model
 * (reference sections 5.4, 6, 7.3, 8.3). Each fails with a {@link CloudFormationImportException}
 * naming the property path.
 */
final class WebSocketParts {
    private WebSocketParts() {}

    /** Returns the integration of an {@code Integration} with this id and these responses. */
    static WebSocketIntegration integration(Props p, String integrationId, List<Props> responses) {
        WebSocketIntegration.Builder b =
                WebSocketIntegration.builder(integrationId)
                        .integrationType(
                                p.enumValue("IntegrationType", IntegrationType.class)
                                        .orElseThrow(
                                                () -> p.fail("IntegrationType", "is required")));
        p.text("IntegrationUri").ifPresent(b::integrationUri);
        p.text("IntegrationMethod").ifPresent(b::integrationMethod);
        p.text("CredentialsArn").ifPresent(b::credentialsArn);
        p.enumValue("PassthroughBehavior", PassthroughBehavior.class)
                .ifPresent(b::passthroughBehavior);
        p.enumValue("ContentHandlingStrategy", ContentHandlingStrategy.class)
                .ifPresent(b::contentHandlingStrategy);
        b.requestParameters(p.textMap("RequestParameters"));
        b.requestTemplates(p.textMap("RequestTemplates"));
        p.text("TemplateSelectionExpression").ifPresent(b::templateSelectionExpression);
        p.integer("TimeoutInMillis").ifPresent(b::timeoutInMillis);
        p.text("IntegrationResponseSelectionExpression")
                .ifPresent(b::integrationResponseSelectionExpression);
        p.enumValue("ConnectionType", ConnectionType.class).ifPresent(b::connectionType);
        p.text("ConnectionId").ifPresent(b::connectionId);
        p.text("Description").ifPresent(b::description);
        for (Props response : responses) {
            b.integrationResponse(integrationResponse(response));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /** Returns the integration response of an {@code IntegrationResponse}. */
    private static WebSocketIntegrationResponse integrationResponse(Props p) {
        try {
            WebSocketIntegrationResponse.Builder b =
                    WebSocketIntegrationResponse.builder(p.required("IntegrationResponseKey"))
                            .responseParameters(p.textMap("ResponseParameters"))
                            .responseTemplates(p.textMap("ResponseTemplates"));
            p.text("TemplateSelectionExpression").ifPresent(b::templateSelectionExpression);
            p.enumValue("ContentHandlingStrategy", ContentHandlingStrategy.class)
                    .ifPresent(b::contentHandlingStrategy);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /** Returns the authorizer of an {@code Authorizer} with this id. */
    static WebSocketAuthorizer authorizer(Props p, String authorizerId) {
        String type = p.required("AuthorizerType");
        if (!type.equals(WebSocketAuthorizer.AUTHORIZER_TYPE)) {
            throw p.fail(
                    "AuthorizerType",
                    type + ": a WebSocket API takes only REQUEST (Lambda) authorizers");
        }
        WebSocketAuthorizer.Builder b =
                WebSocketAuthorizer.lambda(p.required("Name"), p.text("AuthorizerUri").orElse(null))
                        .authorizerId(authorizerId)
                        .identitySource(p.texts("IdentitySource"));
        p.text("AuthorizerCredentialsArn").ifPresent(b::authorizerCredentialsArn);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /**
     * Returns the route of a {@code Route} with this id and these route responses; its {@code
     * Target} names an integration as {@code integrations/INTEGRATION_ID}.
     */
    static WebSocketRoute route(Props p, String routeId, List<Props> responses) {
        WebSocketRoute.Builder b = WebSocketRoute.builder(p.required("RouteKey")).routeId(routeId);
        HttpApiParts.integrationOf(p).ifPresent(b::integrationId);
        p.enumValue("AuthorizationType", AuthorizationType.class).ifPresent(b::authorizationType);
        p.text("AuthorizerId").ifPresent(b::authorizerId);
        p.bool("ApiKeyRequired").ifPresent(b::apiKeyRequired);
        p.text("RouteResponseSelectionExpression").ifPresent(b::routeResponseSelectionExpression);
        b.requestParameters(requestParameters(p.object("RequestParameters")));
        b.requestModels(p.textMap("RequestModels"));
        p.text("ModelSelectionExpression").ifPresent(b::modelSelectionExpression);
        p.text("OperationName").ifPresent(b::operationName);
        for (Props response : responses) {
            b.routeResponse(routeResponse(response));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /** Returns the route response of a {@code RouteResponse}. */
    private static WebSocketRouteResponse routeResponse(Props p) {
        try {
            WebSocketRouteResponse.Builder b =
                    WebSocketRouteResponse.builder(p.required("RouteResponseKey"))
                            .responseModels(p.textMap("ResponseModels"));
            p.text("ModelSelectionExpression").ifPresent(b::modelSelectionExpression);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /**
     * Returns a route's declared request parameters: {@code {"route.request.querystring.x":
     * {"Required": true}}} as the API writes them, or a plain boolean.
     */
    private static Map<String, Boolean> requestParameters(Props p) {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : p.json().properties()) {
            boolean required =
                    e.getValue().isObject()
                            ? p.object(e.getKey()).bool("Required").orElse(false)
                            : p.bool(e.getKey()).orElse(false);
            parameters.put(e.getKey(), required);
        }
        return parameters;
    }
}
