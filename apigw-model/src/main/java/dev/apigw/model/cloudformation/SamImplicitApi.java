package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SAM's implicit API: the {@code ServerlessRestApi} (stage {@code Prod}, a generated Swagger 2.0
 * body) that function events of {@code Type: Api} without {@code RestApiId} make, and the paths
 * every event adds to the bodies SAM manages (that one and explicit APIs with neither {@code
 * DefinitionBody} nor {@code DefinitionUri}).
 */
final class SamImplicitApi {
    static final String ID = "ServerlessRestApi";
    static final String API = "AWS::Serverless::Api";
    static final String FUNCTION = "AWS::Serverless::Function";

    private SamImplicitApi() {}

    /**
     * Gives explicit APIs without a definition a generated body, adds the implicit API and the
     * events' paths to {@code resources}; answers the ids of the APIs whose body SAM manages.
     */
    static Set<String> expand(ObjectNode resources, Set<String> managed) {
        resources
                .properties()
                .forEach(
                        e -> {
                            JsonNode properties = e.getValue().get("Properties");
                            if (API.equals(SamValues.text(e.getValue().get("Type")))
                                    && (properties == null || properties.isObject())
                                    && (properties == null
                                            || SamValues.isFalsy(properties.get("DefinitionBody"))
                                                    && SamValues.isFalsy(
                                                            properties.get("DefinitionUri")))) {
                                ((ObjectNode) e.getValue())
                                        .withObjectProperty("Properties")
                                        .set("DefinitionBody", SamSwagger.skeleton());
                                managed.add(e.getKey());
                            }
                        });
        JsonNode existing = resources.get(ID);
        ObjectNode implicit = JSON.objectNode();
        implicit.put("Type", API);
        ObjectNode properties = implicit.putObject("Properties");
        properties.put("StageName", "Prod");
        properties.set("DefinitionBody", SamSwagger.skeleton());
        resources.set(ID, implicit);
        managed.add(ID);
        for (Map.Entry<String, ObjectNode> event : apiEvents(resources)) {
            addPath(event.getKey(), event.getValue(), resources, managed);
        }
        if (properties.get("DefinitionBody").get("paths").isEmpty()) {
            managed.remove(ID);
            if (existing != null) {
                resources.set(ID, existing);
            } else {
                resources.remove(ID);
            }
        }
        return managed;
    }

    /** The {@code Properties} of every Api event, by the event's property path. */
    static List<Map.Entry<String, ObjectNode>> apiEvents(ObjectNode resources) {
        return events(resources, "Api");
    }

    /**
     * The {@code Properties} of every function event of {@code eventType} ({@code Api}, {@code
     * HttpApi}), by the event's property path ({@code
     * Resources.Fn.Properties.Events.E.Properties}).
     */
    static List<Map.Entry<String, ObjectNode>> events(ObjectNode resources, String eventType) {
        List<Map.Entry<String, ObjectNode>> events = new ArrayList<>();
        resources
                .properties()
                .forEach(
                        r -> {
                            JsonNode properties = r.getValue().get("Properties");
                            if (FUNCTION.equals(SamValues.text(r.getValue().get("Type")))
                                    && properties != null
                                    && properties.path("Events").isObject()) {
                                properties
                                        .get("Events")
                                        .properties()
                                        .forEach(e -> addEvent(r.getKey(), e, eventType, events));
                            }
                        });
        return events;
    }

    private static void addEvent(
            String functionId,
            Map.Entry<String, JsonNode> e,
            String eventType,
            List<Map.Entry<String, ObjectNode>> events) {
        JsonNode event = e.getValue();
        if (!event.isObject() || !eventType.equals(SamValues.text(event.get("Type")))) {
            return;
        }
        String where = "Resources." + functionId + ".Properties.Events." + e.getKey();
        JsonNode eventProperties = event.get("Properties");
        if (SamValues.isFalsy(eventProperties)) {
            if (eventType.equals("HttpApi")) {
                eventProperties = ((ObjectNode) event).putObject("Properties");
            } else {
                return;
            }
        }
        if (!eventProperties.isObject()) {
            throw invalid(where + ".Properties", "Properties should be a map.");
        }
        events.add(Map.entry(where + ".Properties", (ObjectNode) eventProperties));
    }

    private static void addPath(
            String where, ObjectNode event, ObjectNode resources, Set<String> managed) {
        if (!event.has("RestApiId")) {
            event.set("RestApiId", SamValues.ref(ID));
        }
        for (String name : new String[] {"Path", "Method"}) {
            if (!event.path(name).isTextual()) {
                throw invalid(
                        where + "." + name,
                        "Api Event must have a String specified for '" + name + "'.");
            }
        }
        JsonNode apiId = SamValues.refTarget(event.get("RestApiId"));
        JsonNode api = apiId != null && apiId.isTextual() ? resources.get(apiId.textValue()) : null;
        if (api == null || !API.equals(SamValues.text(api.get("Type")))) {
            throw invalid(
                    where + ".RestApiId",
                    "RestApiId must be a valid reference to an"
                            + " 'AWS::Serverless::Api' resource in same template.");
        }
        if (!managed.contains(apiId.textValue())) {
            return;
        }
        ObjectNode body = (ObjectNode) api.get("Properties").get("DefinitionBody");
        new SamSwagger(body, "Resources." + apiId.textValue() + ".Properties.DefinitionBody")
                .addPath(event.get("Path").textValue(), event.get("Method").textValue());
    }
}
