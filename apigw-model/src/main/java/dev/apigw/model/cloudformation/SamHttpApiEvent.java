package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code Type: HttpApi} event of a SAM function as the {@code AWS::ApiGatewayV2::Integration}
 * (a Lambda proxy, payload format {@code PayloadFormatVersion}, SAM's default {@code 2.0}) and
 * {@code Route} it makes on its API (reference 2.4, 7.2): the route key {@code METHOD Path}, or
 * {@code $default} when the event names neither; {@code Auth.Authorizer} (else the API's {@code
 * DefaultAuthorizer}; {@code NONE} for none) and {@code Auth.AuthorizationScopes}. The route is
 * marked so that a route of the same key in the API's own definition takes this integration, as SAM
 * adds the integration to an existing path and method.
 *
 * @param functionId the function's logical id
 * @param eventName the event's name
 * @param event the event's {@code Properties}
 * @param where the property path of {@code event}
 */
record SamHttpApiEvent(String functionId, String eventName, ObjectNode event, String where) {
    private static final String INTEGRATION_URI =
            "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${%s.Arn}"
                    + "/invocations";

    /** Returns the event at {@code where} ({@code Resources.F.Properties.Events.E.Properties}). */
    static SamHttpApiEvent of(String where, ObjectNode event) {
        String[] parts = where.split("\\.");
        return new SamHttpApiEvent(parts[1], parts[4], event, where);
    }

    /** Returns the route key: {@code GET /pets}, {@code ANY /pets} or {@code $default}. */
    String routeKey() {
        JsonNode path = event.get("Path");
        JsonNode method = event.get("Method");
        if (path == null && method == null) {
            return "$default";
        }
        for (String name : new String[] {"Path", "Method"}) {
            if (!event.path(name).isTextual()) {
                throw invalid(
                        where + "." + name,
                        "HttpApi Event must have a String specified for '"
                                + name
                                + "' (or neither Path nor Method, for the $default route).");
            }
        }
        String verb = method.textValue().toUpperCase(Locale.ROOT);
        return (verb.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : verb)
                + " "
                + path.textValue();
    }

    /**
     * Returns the integration and route of this event on the API {@code apiId}, whose {@code Auth}
     * is {@code auth} and whose authorizers SAM generated are {@code authorizers} (name to logical
     * id and kind).
     */
    Map<String, ObjectNode> resources(
            String apiId, ObjectNode auth, Map<String, SamHttpAuth.Generated> authorizers) {
        String integrationId = functionId + eventName + "Integration";
        ObjectNode integration = JSON.objectNode();
        integration.put("Type", "AWS::ApiGatewayV2::Integration");
        ObjectNode ip = integration.putObject("Properties");
        ip.set("ApiId", SamValues.ref(apiId));
        ip.put("IntegrationType", "AWS_PROXY");
        ip.putObject("IntegrationUri").put("Fn::Sub", String.format(INTEGRATION_URI, functionId));
        ip.put("IntegrationMethod", "POST");
        JsonNode version = event.get("PayloadFormatVersion");
        ip.set("PayloadFormatVersion", version == null ? JSON.textNode("2.0") : version);
        if (event.has("TimeoutInMillis")) {
            ip.set("TimeoutInMillis", event.get("TimeoutInMillis"));
        }
        ObjectNode route = JSON.objectNode();
        route.put("Type", "AWS::ApiGatewayV2::Route");
        route.putObject("Metadata").put(HttpApiReader.SAM_EVENT, where);
        ObjectNode rp = route.putObject("Properties");
        rp.set("ApiId", SamValues.ref(apiId));
        rp.put("RouteKey", routeKey());
        rp.putObject("Target").put("Fn::Sub", "integrations/${" + integrationId + "}");
        authorize(rp, auth, authorizers);
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put(integrationId, integration);
        out.put(functionId + eventName + "Route", route);
        return out;
    }

    private void authorize(
            ObjectNode route, ObjectNode auth, Map<String, SamHttpAuth.Generated> authorizers) {
        JsonNode eventAuth = event.get("Auth");
        if (eventAuth != null && !eventAuth.isObject()) {
            throw invalid(where + ".Auth", "must be an object");
        }
        JsonNode named = eventAuth == null ? null : eventAuth.get("Authorizer");
        if (named == null) {
            named = auth.get("DefaultAuthorizer");
        }
        String name = SamValues.text(named);
        if (name == null || name.equals("NONE")) {
            return;
        }
        if (name.equals("AWS_IAM")) {
            route.put("AuthorizationType", "AWS_IAM");
            return;
        }
        SamHttpAuth.Generated authorizer = authorizers.get(name);
        if (authorizer == null) {
            throw invalid(
                    where + ".Auth.Authorizer",
                    "Unable to set Authorizer ["
                            + name
                            + "] on API method ["
                            + routeKey()
                            + "] because it wasn't defined in the API's Authorizers.");
        }
        route.put("AuthorizationType", authorizer.jwt() ? "JWT" : "CUSTOM");
        route.set("AuthorizerId", SamValues.ref(authorizer.logicalId()));
        JsonNode scopes = eventAuth == null ? null : eventAuth.get("AuthorizationScopes");
        if (scopes == null) {
            scopes = authorizer.scopes();
        }
        if (authorizer.jwt() && scopes != null && !scopes.isNull()) {
            route.set("AuthorizationScopes", scopes);
        }
    }
}
