package dev.apigw.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.spi.ConnectionRecord;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket connection's record as JSON text in Redis (reference 7.4): every field, instants as
 * ISO-8601 text (exact to the nanosecond), the maps in their order. Thread-safe.
 */
final class ConnectionRecordJson {
    private static final TypeReference<LinkedHashMap<String, List<String>>> MULTI =
            new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> SINGLE =
            new TypeReference<>() {};

    private final ObjectMapper json = new ObjectMapper();

    /** Returns the record as JSON text. */
    String write(ConnectionRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("connectionId", record.connectionId());
        fields.put("apiId", record.apiId());
        fields.put("stage", record.stage());
        fields.put("connectedAt", record.connectedAt().toString());
        fields.put("lastActiveAt", record.lastActiveAt().toString());
        fields.put("sourceIp", record.sourceIp());
        fields.put("userAgent", record.userAgent());
        fields.put("headers", record.headers());
        fields.put("queryParameters", record.queryParameters());
        fields.put("authorizer", record.authorizer());
        fields.put("identity", record.identity());
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a record written by {@link #write}; {@code lastActiveAt}, when not null, replaces the
     * one in the text (the store keeps it apart, so that {@code touch} rewrites only it).
     */
    ConnectionRecord read(String text, String lastActiveAt) {
        try {
            JsonNode node = json.readTree(text);
            return new ConnectionRecord(
                    node.get("connectionId").asText(),
                    node.get("apiId").asText(),
                    node.get("stage").asText(),
                    Instant.parse(node.get("connectedAt").asText()),
                    Instant.parse(
                            lastActiveAt != null
                                    ? lastActiveAt
                                    : node.get("lastActiveAt").asText()),
                    node.get("sourceIp").asText(),
                    node.get("userAgent").asText(),
                    json.convertValue(node.get("headers"), MULTI),
                    json.convertValue(node.get("queryParameters"), MULTI),
                    json.convertValue(node.get("authorizer"), SINGLE),
                    json.convertValue(node.get("identity"), SINGLE));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
