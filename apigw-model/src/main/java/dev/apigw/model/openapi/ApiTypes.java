package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells an HTTP API definition from a REST one (reference sections 4.1, 4.3): a construct only an
 * HTTP API has ({@code integrationSubtype}, the {@code /$default} path, {@code isDefaultRoute}, a
 * {@code jwt} authorizer), or {@code x-amazon-apigateway-importexport-version} (written by HTTP API
 * exports only) in a definition without a REST-only integration ({@code aws}, {@code http}, {@code
 * mock} or mapping templates: some published REST definitions carry the marker too).
 */
final class ApiTypes {
    static final String IMPORT_EXPORT_VERSION = "x-amazon-apigateway-importexport-version";
    private static final String INTEGRATION = "x-amazon-apigateway-integration";
    private static final Set<String> REST_ONLY_TYPES = Set.of("aws", "http", "mock");

    /**
     * What marks a definition as an HTTP API.
     *
     * @param pointer the JSON pointer of the marking construct
     * @param what the construct, as a phrase ("the $default route is for HTTP APIs")
     */
    record Marker(String pointer, String what) {}

    private ApiTypes() {}

    /** Returns the first construct that makes the definition an HTTP API, if any. */
    static Optional<Marker> httpApiMarker(JsonNode document) {
        Node root = new Node(document, "");
        Optional<Marker> only = httpOnly(root);
        if (only.isPresent()) {
            return only;
        }
        Node version = root.get(IMPORT_EXPORT_VERSION);
        if (version.isMissing() || restOnly(root)) {
            return Optional.empty();
        }
        return Optional.of(
                new Marker(
                        version.pointer(),
                        IMPORT_EXPORT_VERSION + " marks an HTTP API definition"));
    }

    private static Optional<Marker> httpOnly(Node root) {
        for (Map.Entry<String, Node> path : root.get("paths").fields()) {
            if (path.getKey().equals("/$default")) {
                return marker(path.getValue(), "the $default route is for HTTP APIs");
            }
            for (Map.Entry<String, Node> op : path.getValue().fields()) {
                Node isDefault = op.getValue().get("isDefaultRoute");
                if (isDefault.json().asBoolean(false)) {
                    return marker(isDefault, "isDefaultRoute marks the HTTP API $default route");
                }
                Optional<Marker> subtype = subtype(op.getValue().get(INTEGRATION));
                if (subtype.isPresent()) {
                    return subtype;
                }
            }
        }
        Node components = root.get("components");
        for (Map.Entry<String, Node> e :
                components.get("x-amazon-apigateway-integrations").fields()) {
            Optional<Marker> subtype = subtype(e.getValue());
            if (subtype.isPresent()) {
                return subtype;
            }
        }
        for (Node schemes :
                List.of(components.get("securitySchemes"), root.get("securityDefinitions"))) {
            for (Map.Entry<String, Node> e : schemes.fields()) {
                Node type = e.getValue().get("x-amazon-apigateway-authorizer").get("type");
                if (type.json().asText().equalsIgnoreCase("jwt")) {
                    return marker(type, "JWT authorizers are for HTTP APIs");
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the {@code integrationSubtype} of an integration object as a marker, if any. */
    static Optional<Marker> subtype(Node integration) {
        Node subtype = integration.get("integrationSubtype");
        if (subtype.isMissing()) {
            return Optional.empty();
        }
        return marker(
                subtype,
                "integrationSubtype '"
                        + subtype.json().asText()
                        + "' is an HTTP API AWS service integration");
    }

    private static boolean restOnly(Node root) {
        for (Map.Entry<String, Node> path : root.get("paths").fields()) {
            for (Map.Entry<String, Node> op : path.getValue().fields()) {
                Node integration = op.getValue().get(INTEGRATION);
                String type = integration.get("type").json().asText().toLowerCase(Locale.ROOT);
                if (REST_ONLY_TYPES.contains(type) || integration.has("requestTemplates")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Marker> marker(Node at, String what) {
        return Optional.of(new Marker(at.pointer(), what));
    }

    /**
     * Fails, as the REST importer does for an HTTP API definition, with a message naming {@link
     * HttpApiImporter}; does nothing without a marker.
     */
    static void refuseAsRest(Optional<Marker> marker) {
        if (marker.isPresent()) {
            throw new OpenApiImportException(
                    marker.get().pointer(),
                    "HTTP API definition: "
                            + marker.get().what()
                            + "; a REST API cannot hold it: import it with HttpApiImporter");
        }
    }
}
