package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;
import static dev.apigw.model.cloudformation.SamValues.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The usage plans SAM APIs' {@code Auth.UsagePlan} create: per API ({@code PER_API}, and {@code
 * SINGLE}, its older name) a plan, an enabled API key and their usage-plan key named after the API;
 * {@code SHARED} one {@code ServerlessUsagePlan}, {@code ServerlessApiKey} and {@code
 * ServerlessUsagePlanKey} for all the APIs of the template (reference 8.2). One instance per
 * template, as the shared plan collects every API.
 */
final class SamUsagePlans {
    private static final Set<String> PROPERTIES =
            Set.of("CreateUsagePlan", "Description", "Quota", "Tags", "Throttle", "UsagePlanName");

    private ObjectNode sharedPlan;
    private ObjectNode sharedKey;
    private ObjectNode sharedPlanKey;

    /**
     * The resources of the API {@code apiId} whose stage is {@code stageId}, with passthrough
     * resource attributes {@code attributes}; shared ones are added by {@link #shared()}.
     */
    Map<String, ObjectNode> plan(
            String apiId, String stageId, JsonNode usagePlan, ObjectNode attributes, String where) {
        Map<String, ObjectNode> resources = new LinkedHashMap<>();
        if (usagePlan == null || usagePlan.isNull()) {
            return resources;
        }
        if (!usagePlan.isObject()) {
            throw invalid(where, "'UsagePlan' must be a dictionary");
        }
        usagePlan
                .fieldNames()
                .forEachRemaining(
                        key -> {
                            if (!PROPERTIES.contains(key)) {
                                throw invalid(where, "Invalid property for 'UsagePlan'");
                            }
                        });
        JsonNode create = usagePlan.get("CreateUsagePlan");
        if (create == null || create.isNull()) {
            throw invalid(where, "'CreateUsagePlan' is a required field for UsagePlan.");
        }
        String kind = create.asText();
        ObjectNode apiStage = JSON.objectNode();
        apiStage.set("ApiId", ref(apiId));
        apiStage.set("Stage", ref(stageId));
        ObjectNode stageKey = JSON.objectNode();
        stageKey.set("RestApiId", ref(apiId));
        stageKey.set("StageName", ref(stageId));
        switch (kind) {
            case "NONE":
                return resources;
            case "PER_API":
            case "SINGLE":
                ObjectNode plan = resource("AWS::ApiGateway::UsagePlan", attributes, apiId);
                plan.withObjectProperty("Properties").putArray("ApiStages").add(apiStage);
                settings(plan, (ObjectNode) usagePlan);
                resources.put(apiId + "UsagePlan", plan);
                ObjectNode key = apiKey(attributes, apiId + "UsagePlan");
                key.withObjectProperty("Properties").putArray("StageKeys").add(stageKey);
                resources.put(apiId + "ApiKey", key);
                resources.put(
                        apiId + "UsagePlanKey",
                        planKey(attributes, apiId + "ApiKey", apiId + "UsagePlan"));
                return resources;
            case "SHARED":
                shared(apiId, apiStage, stageKey, (ObjectNode) usagePlan, attributes);
                return resources;
            default:
                throw invalid(
                        where + ".CreateUsagePlan",
                        "'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].");
        }
    }

    private void shared(
            String apiId,
            ObjectNode apiStage,
            ObjectNode stageKey,
            ObjectNode usagePlan,
            ObjectNode attributes) {
        if (sharedPlan == null) {
            sharedPlan = resource("AWS::ApiGateway::UsagePlan", attributes, null);
            sharedPlan.putArray("DependsOn");
            sharedPlan.withObjectProperty("Properties").putArray("ApiStages");
            sharedKey = apiKey(attributes, "ServerlessUsagePlan");
            sharedKey.withObjectProperty("Properties").putArray("StageKeys");
            sharedPlanKey = planKey(attributes, "ServerlessApiKey", "ServerlessUsagePlan");
        }
        addNew((ArrayNode) sharedPlan.get("DependsOn"), JSON.textNode(apiId));
        addNew((ArrayNode) sharedPlan.get("Properties").get("ApiStages"), apiStage);
        addNew((ArrayNode) sharedKey.get("Properties").get("StageKeys"), stageKey);
        settings(sharedPlan, usagePlan);
    }

    /** The shared plan, key and usage-plan key, when an API asked for them. */
    Map<String, ObjectNode> shared() {
        Map<String, ObjectNode> resources = new LinkedHashMap<>();
        if (sharedPlan != null) {
            resources.put("ServerlessUsagePlan", sharedPlan);
            resources.put("ServerlessApiKey", sharedKey);
            resources.put("ServerlessUsagePlanKey", sharedPlanKey);
        }
        return resources;
    }

    private static void addNew(ArrayNode list, JsonNode value) {
        for (JsonNode existing : list) {
            if (existing.equals(value)) {
                return;
            }
        }
        list.add(value);
    }

    private static void settings(ObjectNode plan, ObjectNode usagePlan) {
        for (String name :
                new String[] {"UsagePlanName", "Description", "Quota", "Tags", "Throttle"}) {
            if (!SamValues.isFalsy(usagePlan.get(name))) {
                plan.withObjectProperty("Properties").set(name, usagePlan.get(name));
            }
        }
    }

    private static ObjectNode apiKey(ObjectNode attributes, String planId) {
        ObjectNode key = resource("AWS::ApiGateway::ApiKey", attributes, planId);
        key.withObjectProperty("Properties").put("Enabled", true);
        return key;
    }

    private static ObjectNode planKey(ObjectNode attributes, String keyId, String planId) {
        ObjectNode planKey = resource("AWS::ApiGateway::UsagePlanKey", attributes, keyId);
        ObjectNode properties = planKey.withObjectProperty("Properties");
        properties.set("KeyId", ref(keyId));
        properties.put("KeyType", "API_KEY");
        properties.set("UsagePlanId", ref(planId));
        return planKey;
    }

    private static ObjectNode resource(String type, ObjectNode attributes, String dependsOn) {
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", type);
        resource.putObject("Properties");
        resource.setAll(attributes.deepCopy());
        if (dependsOn != null) {
            resource.putArray("DependsOn").add(dependsOn);
        }
        return resource;
    }
}
