package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SAM's implicit HTTP API: the {@code ServerlessHttpApi} (stage {@code $default}) that function
 * events of {@code Type: HttpApi} without {@code ApiId} make; and the events of every HTTP API,
 * each checked to name an {@code AWS::Serverless::HttpApi} of the template.
 */
final class SamImplicitHttpApi {
    static final String ID = "ServerlessHttpApi";

    private SamImplicitHttpApi() {}

    /**
     * Adds the implicit API to {@code resources} when an event needs it; answers the events by the
     * logical id of their API.
     */
    static Map<String, List<SamHttpApiEvent>> expand(ObjectNode resources) {
        Map<String, List<SamHttpApiEvent>> byApi = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> e : SamImplicitApi.events(resources, "HttpApi")) {
            ObjectNode event = e.getValue();
            if (!event.has("ApiId")) {
                if (!resources.has(ID)) {
                    ObjectNode implicit = resources.putObject(ID);
                    implicit.put("Type", SamHttpApiGenerator.TYPE);
                    implicit.putObject("Properties");
                }
                event.set("ApiId", SamValues.ref(ID));
            }
            JsonNode apiId = SamValues.refTarget(event.get("ApiId"));
            JsonNode api =
                    apiId != null && apiId.isTextual() ? resources.get(apiId.textValue()) : null;
            if (api == null || !SamHttpApiGenerator.TYPE.equals(SamValues.text(api.get("Type")))) {
                throw invalid(
                        e.getKey() + ".ApiId",
                        "ApiId must be a valid reference to an 'AWS::Serverless::HttpApi'"
                                + " resource in same template.");
            }
            byApi.computeIfAbsent(apiId.textValue(), k -> new ArrayList<>())
                    .add(SamHttpApiEvent.of(e.getKey(), event));
        }
        return byApi;
    }
}
