package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.CorsConfiguration;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.JwtConfiguration;
import dev.apigw.model.Route;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parts of an HTTP API that CloudFormation declares as their own resources ({@code
 * AWS::ApiGatewayV2::Integration}, {@code Authorizer}, {@code Route}) or as a property of the API
 * ({@code CorsConfiguration}) into the model (reference sections 2.3 to 2.5, 5.5, 7.2, 8.5, 8.6,
 * 11.2). Each fails with a {@link CloudFormationImportException} naming the property path.
 */
final class HttpApiParts {
    private static final String TARGET_PREFIX = "integrations/";

    private HttpApiParts() {}

    /** Returns the integration of an {@code AWS::ApiGatewayV2::Integration} with this id. */
    static HttpIntegration integration(Props p, String integrationId) {
        HttpIntegration.Builder b =
                HttpIntegration.builder(integrationId)
                        .integrationType(
                                p.enumValue("IntegrationType", IntegrationType.class)
                                        .orElseThrow(
                                                () -> p.fail("IntegrationType", "is required")));
        p.text("IntegrationUri").ifPresent(b::integrationUri);
        p.text("IntegrationMethod").ifPresent(b::integrationMethod);
        p.text("PayloadFormatVersion").ifPresent(b::payloadFormatVersion);
        p.text("IntegrationSubtype")
                .ifPresent(
                        name ->
                                b.integrationSubtype(
                                        IntegrationSubtype.fromAwsName(name)
                                                .orElseThrow(
                                                        () ->
                                                                p.fail(
                                                                        "IntegrationSubtype",
                                                                        "unknown subtype "
                                                                                + name))));
        b.requestParameters(p.textMap("RequestParameters"));
        b.responseParameters(responseParameters(p.object("ResponseParameters")));
        p.integer("TimeoutInMillis").ifPresent(b::timeoutInMillis);
        p.text("CredentialsArn").ifPresent(b::credentialsArn);
        p.enumValue("ConnectionType", ConnectionType.class).ifPresent(b::connectionType);
        p.text("ConnectionId").ifPresent(b::connectionId);
        p.text("Description").ifPresent(b::description);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /**
     * Returns the response mappings by status code: CloudFormation's {@code {"200":
     * {"ResponseParameters": [{"Destination": ..., "Source": ...}]}}}, or the OpenAPI form {@code
     * {"200": {"overwrite:statuscode": "204"}}}.
     */
    private static Map<String, Map<String, String>> responseParameters(Props p) {
        Map<String, Map<String, String>> byStatus = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : p.json().properties()) {
            Props status = p.object(e.getKey());
            Map<String, String> mappings = new LinkedHashMap<>();
            if (status.has("ResponseParameters")) {
                for (Props m : status.objects("ResponseParameters")) {
                    mappings.put(m.required("Destination"), m.required("Source"));
                }
            } else {
                mappings.putAll(p.textMap(e.getKey()));
            }
            byStatus.put(e.getKey(), mappings);
        }
        return byStatus;
    }

    /** Returns the authorizer of an {@code AWS::ApiGatewayV2::Authorizer} with this id. */
    static HttpAuthorizer authorizer(Props p, String authorizerId) {
        HttpAuthorizer.Builder b =
                HttpAuthorizer.builder(p.required("Name"))
                        .authorizerId(authorizerId)
                        .authorizerType(
                                p.enumValue("AuthorizerType", HttpAuthorizerType.class)
                                        .orElseThrow(() -> p.fail("AuthorizerType", "is required")))
                        .identitySource(p.texts("IdentitySource"));
        if (p.has("JwtConfiguration")) {
            Props jwt = p.object("JwtConfiguration");
            try {
                b.jwtConfiguration(
                        new JwtConfiguration(
                                jwt.text("Issuer").orElse(null), jwt.texts("Audience")));
            } catch (IllegalArgumentException e) {
                throw jwt.fail("Issuer", e.getMessage());
            }
        }
        p.text("AuthorizerUri").ifPresent(b::authorizerUri);
        p.text("AuthorizerPayloadFormatVersion").ifPresent(b::authorizerPayloadFormatVersion);
        p.bool("EnableSimpleResponses").ifPresent(b::enableSimpleResponses);
        p.integer("AuthorizerResultTtlInSeconds").ifPresent(b::authorizerResultTtlInSeconds);
        p.text("AuthorizerCredentialsArn").ifPresent(b::authorizerCredentialsArn);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /**
     * Returns the route of an {@code AWS::ApiGatewayV2::Route} with this id; its {@code Target}
     * names an integration as {@code integrations/INTEGRATION_ID}.
     */
    static Route route(Props p, String routeId) {
        Route.Builder b;
        try {
            b = Route.builder(p.required("RouteKey")).routeId(routeId);
        } catch (IllegalArgumentException e) {
            throw p.fail("RouteKey", e.getMessage());
        }
        integrationOf(p).ifPresent(b::integrationId);
        p.enumValue("AuthorizationType", AuthorizationType.class).ifPresent(b::authorizationType);
        p.text("AuthorizerId").ifPresent(b::authorizerId);
        b.authorizationScopes(p.texts("AuthorizationScopes"));
        p.text("OperationName").ifPresent(b::operationName);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /** Returns the integration id a route's {@code Target} names, if it has one. */
    static Optional<String> integrationOf(Props p) {
        Optional<String> target = p.text("Target");
        if (target.isEmpty()) {
            return target;
        }
        String value = target.get();
        if (!value.startsWith(TARGET_PREFIX) || value.length() == TARGET_PREFIX.length()) {
            throw p.fail("Target", "must be integrations/INTEGRATION_ID, was " + value);
        }
        return Optional.of(value.substring(TARGET_PREFIX.length()));
    }

    /** Returns the CORS configuration of a {@code CorsConfiguration} property (reference 11.2). */
    static CorsConfiguration cors(Props c) {
        try {
            return new CorsConfiguration(
                    c.texts("AllowOrigins"),
                    c.bool("AllowCredentials").orElse(false),
                    c.texts("ExposeHeaders"),
                    c.integer("MaxAge"),
                    c.texts("AllowMethods"),
                    c.texts("AllowHeaders"));
        } catch (IllegalArgumentException e) {
            throw c.fail(e.getMessage());
        }
    }
}
