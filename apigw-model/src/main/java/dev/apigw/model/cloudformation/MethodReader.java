package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.PassthroughBehavior;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an {@code AWS::ApiGateway::Method} (its {@code Integration} and {@code MethodResponses}
 * too) into a {@link Method}; the property names are the API's fields in CloudFormation's case.
 */
final class MethodReader {
    private MethodReader() {}

    /** Returns the method the properties describe; ids are already the API's ids. */
    static Method read(Props p) {
        Method.Builder m =
                Method.builder().httpMethod(p.required("HttpMethod").toUpperCase(Locale.ROOT));
        m.authorizationType(
                p.enumValue("AuthorizationType", AuthorizationType.class)
                        .orElse(AuthorizationType.NONE));
        p.text("AuthorizerId").ifPresent(m::authorizerId);
        p.bool("ApiKeyRequired").ifPresent(m::apiKeyRequired);
        if (p.has("AuthorizationScopes")) {
            m.authorizationScopes(p.texts("AuthorizationScopes"));
        }
        p.text("OperationName").ifPresent(m::operationName);
        m.requestModels(p.textMap("RequestModels"));
        for (Map.Entry<String, JsonNode> e : p.object("RequestParameters").json().properties()) {
            m.putRequestParameter(e.getKey(), e.getValue().asBoolean());
        }
        p.text("RequestValidatorId").ifPresent(m::requestValidatorId);
        if (p.has("Integration")) {
            m.integration(integration(p.object("Integration")));
        }
        for (Props r : p.objects("MethodResponses")) {
            MethodResponse.Builder b =
                    MethodResponse.builder().statusCode(r.required("StatusCode"));
            for (Map.Entry<String, JsonNode> e :
                    r.object("ResponseParameters").json().properties()) {
                b.putResponseParameter(e.getKey(), e.getValue().asBoolean());
            }
            b.responseModels(r.textMap("ResponseModels"));
            m.methodResponse(b.build());
        }
        return m.build();
    }

    private static Integration integration(Props p) {
        Integration.Builder i =
                Integration.builder()
                        .type(
                                p.enumValue("Type", IntegrationType.class)
                                        .orElseThrow(() -> p.fail("Type", "is required")));
        p.text("IntegrationHttpMethod").ifPresent(i::httpMethod);
        p.text("Uri").ifPresent(i::uri);
        p.text("Credentials").ifPresent(i::credentials);
        i.requestParameters(p.textMap("RequestParameters"));
        i.requestTemplates(p.textMap("RequestTemplates"));
        p.enumValue("PassthroughBehavior", PassthroughBehavior.class)
                .ifPresent(i::passthroughBehavior);
        p.enumValue("ContentHandling", ContentHandlingStrategy.class).ifPresent(i::contentHandling);
        p.text("CacheNamespace").ifPresent(i::cacheNamespace);
        if (p.has("CacheKeyParameters")) {
            i.cacheKeyParameters(p.texts("CacheKeyParameters"));
        }
        p.enumValue("ConnectionType", ConnectionType.class).ifPresent(i::connectionType);
        p.text("ConnectionId").ifPresent(i::connectionId);
        p.integer("TimeoutInMillis").ifPresent(i::timeoutInMillis);
        p.object("TlsConfig")
                .bool("InsecureSkipVerification")
                .ifPresent(i::insecureSkipVerification);
        for (Props r : p.objects("IntegrationResponses")) {
            IntegrationResponse.Builder b =
                    IntegrationResponse.builder().statusCode(r.required("StatusCode"));
            r.text("SelectionPattern").ifPresent(b::selectionPattern);
            b.responseParameters(r.textMap("ResponseParameters"));
            b.responseTemplates(r.textMap("ResponseTemplates"));
            r.enumValue("ContentHandling", ContentHandlingStrategy.class)
                    .ifPresent(b::contentHandling);
            i.integrationResponse(b.build());
        }
        return i.build();
    }
}
