package dev.apigw.runtime.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.AwsServiceRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the call of an AWS service integration subtype (reference 4.2 {@code integrationSubtype},
 * 11.1) as the service's own API takes it, from the parameter values evaluated for one request: a
 * POST in the service's AWS JSON protocol (SQS JSON 1.0 {@code AmazonSQS.<Action>}, EventBridge
 * JSON 1.1 {@code AWSEvents.PutEvents} with one entry in {@code Entries}, Kinesis JSON 1.1 {@code
 * Kinesis_20131202.PutRecord} with {@code Data} base64-encoded, Step Functions JSON 1.0 {@code
 * AWSStepFunctions.<Action>}), or for AppConfig its REST call {@code GET
 * applications/{Application}/environments/{Environment}/configurations/{Configuration}?client_id=…}.
 * Numbers, lists and maps of the APIs are written as such (a list as a JSON array or
 * comma-separated text); {@code Region} chooses the region instead of being sent; a parameter whose
 * value is empty is not sent (see docs/differences.md).
 */
final class ServiceRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NUMBERS =
            Set.of("DelaySeconds", "MaxNumberOfMessages", "VisibilityTimeout", "WaitTimeSeconds");
    private static final Set<String> LISTS =
            Set.of("AttributeNames", "MessageAttributeNames", "Resources");
    private static final Set<String> MAPS = Set.of("MessageAttributes", "MessageSystemAttributes");
    private static final String REGION = "Region";

    private ServiceRequests() {}

    /** Returns the API action of {@code subtype}, e.g. {@code SendMessage}. */
    static String action(IntegrationSubtype subtype) {
        String name = subtype.awsName();
        return name.substring(name.indexOf('-') + 1);
    }

    /**
     * Returns the call of {@code subtype} with the evaluated {@code values}, in {@code Region} if
     * given else in {@code defaultRegion}.
     */
    static AwsServiceRequest request(
            IntegrationSubtype subtype,
            Map<String, String> values,
            String defaultRegion,
            String credentials,
            Duration timeout) {
        Map<String, String> sent = new LinkedHashMap<>();
        values.forEach(
                (name, value) -> {
                    if (!value.isEmpty() && !name.equals(REGION)) {
                        sent.put(name, value);
                    }
                });
        String region = values.getOrDefault(REGION, "");
        region = region.isEmpty() ? defaultRegion : region;
        if (subtype == IntegrationSubtype.APPCONFIG_GET_CONFIGURATION) {
            return appConfig(sent, region, credentials, timeout);
        }
        String target;
        String version;
        ObjectNode body;
        switch (subtype) {
            case EVENTBRIDGE_PUT_EVENTS -> {
                target = "AWSEvents.";
                version = "1.1";
                body = JSON.createObjectNode();
                body.putArray("Entries").add(members(sent));
            }
            case KINESIS_PUT_RECORD -> {
                target = "Kinesis_20131202.";
                version = "1.1";
                body = members(sent);
                if (sent.containsKey("Data")) {
                    byte[] data = sent.get("Data").getBytes(StandardCharsets.UTF_8);
                    body.put("Data", Base64.getEncoder().encodeToString(data));
                }
            }
            case STEPFUNCTIONS_START_EXECUTION,
                    STEPFUNCTIONS_START_SYNC_EXECUTION,
                    STEPFUNCTIONS_STOP_EXECUTION -> {
                target = "AWSStepFunctions.";
                version = "1.0";
                body = members(sent);
            }
            default -> {
                target = "AmazonSQS.";
                version = "1.0";
                body = members(sent);
            }
        }
        String action = action(subtype);
        return new AwsServiceRequest(
                region,
                subtype.service(),
                "",
                action,
                "",
                "POST",
                Headers.of(
                        "Content-Type",
                        "application/x-amz-json-" + version,
                        "X-Amz-Target",
                        target + action),
                Map.of(),
                body.toString().getBytes(StandardCharsets.UTF_8),
                credentials,
                timeout);
    }

    private static AwsServiceRequest appConfig(
            Map<String, String> sent, String region, String credentials, Duration timeout) {
        String path =
                "applications/"
                        + segment(sent, "Application")
                        + "/environments/"
                        + segment(sent, "Environment")
                        + "/configurations/"
                        + segment(sent, "Configuration");
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (sent.containsKey("ClientId")) {
            query.put("client_id", List.of(sent.get("ClientId")));
        }
        if (sent.containsKey("ClientConfigurationVersion")) {
            query.put(
                    "client_configuration_version",
                    List.of(sent.get("ClientConfigurationVersion")));
        }
        return new AwsServiceRequest(
                region,
                "appconfig",
                "",
                "GetConfiguration",
                path,
                "GET",
                Headers.empty(),
                query,
                new byte[0],
                credentials,
                timeout);
    }

    private static String segment(Map<String, String> sent, String name) {
        return URLEncoder.encode(sent.getOrDefault(name, ""), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static ObjectNode members(Map<String, String> sent) {
        ObjectNode node = JSON.createObjectNode();
        sent.forEach((name, value) -> node.set(name, member(name, value)));
        return node;
    }

    private static JsonNode member(String name, String value) {
        if (NUMBERS.contains(name) || name.equals("Time")) {
            try {
                return JSON.getNodeFactory().numberNode(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return JSON.getNodeFactory().textNode(value);
            }
        }
        if (LISTS.contains(name)) {
            Optional<JsonNode> parsed = parse(value).filter(JsonNode::isArray);
            if (parsed.isPresent()) {
                return parsed.get();
            }
            ArrayNode list = JSON.createArrayNode();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.trim());
                }
            }
            return list;
        }
        if (MAPS.contains(name)) {
            Optional<JsonNode> parsed = parse(value).filter(JsonNode::isObject);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        return JSON.getNodeFactory().textNode(value);
    }

    private static Optional<JsonNode> parse(String value) {
        try {
            return Optional.ofNullable(JSON.readTree(value));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
