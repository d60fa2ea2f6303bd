package dev.apigw.runtime.integration;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The status a MOCK integration's request template chooses (reference 6.1): the {@code statusCode}
 * of the JSON it produced, relaxed JSON such as {@code {statusCode: 200}} accepted; 200 when it has
 * none. Shared by REST and WebSocket MOCK integrations. Internal.
 */
public final class MockStatus {
    private static final JsonMapper RELAXED =
            JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                    .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .build();

    private MockStatus() {}

    /**
     * Returns the status the template output {@code output} chooses; fails with {@link
     * IllegalArgumentException} saying why when the output is not JSON or its {@code statusCode} is
     * not an integer of 100 to 599.
     */
    public static int of(byte[] output) {
        JsonNode json;
        try {
            json = RELAXED.readTree(output);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "MOCK request template output is not JSON: " + e.getMessage(), e);
        }
        JsonNode status = json == null ? null : json.get("statusCode");
        if (status == null || status.isNull()) {
            return 200;
        }
        int code =
                status.isIntegralNumber()
                        ? status.asInt()
                        : status.isTextual() ? parse(status.asText()) : -1;
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("MOCK statusCode is not a status: " + status);
        }
        return code;
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
