package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deployment and stage SAM creates for an API: the deployment's logical id ends in ten hex
 * digits of a SHA-1 of the definition (so a changed definition is deployed anew), and the stage's
 * is {@code <ApiId><StageName>Stage} (reference 9.1).
 */
final class SamDeployment {
    private static final JsonMapper SORTED =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private SamDeployment() {}

    /** The SHA-1 (40 hex digits) of a definition and OpenAPI version, as SAM joins them. */
    static String hash(JsonNode definition, String openApiVersion) {
        String data = stringify(definition);
        if (openApiVersion != null) {
            data = data + "||" + openApiVersion;
        }
        return sha1(data);
    }

    /** SAM's text of a value to hash: a string itself, else compact JSON with sorted keys. */
    static String stringify(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        try {
            return SORTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    /** The SHA-1 of {@code data}'s UTF-8 bytes, in 40 hex digits. */
    static String sha1(String data) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1")
                            .digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing", e);
        }
    }

    /** The stage's logical id for {@code stageName} (a string, or an intrinsic function). */
    static String stageId(String apiId, JsonNode stageName) {
        String name = stageName != null && stageName.isTextual() ? stageName.textValue() : "";
        if (!name.isEmpty() && name.codePoints().allMatch(Character::isLetterOrDigit)) {
            return apiId + name + "Stage";
        }
        if (name.isEmpty()) {
            return apiId + "Stage";
        }
        return apiId + "Stage" + sha1(name).substring(0, 10);
    }

    /**
     * The deployment of {@code apiId} for {@code definition} (its Body or BodyS3Location, null for
     * none), with the "Stage" stage SAM adds unless an OpenApiVersion is set.
     */
    static ObjectNode deployment(
            String apiId,
            JsonNode definition,
            String openApiVersion,
            ObjectNode attributes,
            StringBuilder logicalId) {
        ObjectNode deployment = JSON.objectNode();
        deployment.put("Type", "AWS::ApiGateway::Deployment");
        ObjectNode properties = deployment.putObject("Properties");
        properties.set("RestApiId", SamValues.ref(apiId));
        logicalId.append(apiId).append("Deployment");
        if (definition != null) {
            String hash = hash(definition, openApiVersion);
            logicalId.append(hash, 0, 10);
            properties.put("Description", "RestApi deployment id: " + hash);
        }
        if (openApiVersion == null) {
            properties.put("StageName", "Stage");
        }
        deployment.setAll(attributes.deepCopy());
        return deployment;
    }
}
