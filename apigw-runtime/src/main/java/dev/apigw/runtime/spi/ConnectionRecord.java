package dev.apigw.runtime.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a WebSocket API keeps of one open connection (reference 2.6, 7.4): its id, API and stage,
 * when it connected and was last active, the caller's identity, the {@code $connect} request's
 * headers and query string, what the {@code $connect} authorizer returned ({@code principalId} and
 * the context of a Lambda authorizer) and the caller's verified identity (IAM, API key), which
 * every event of the connection carries (reference 2.6, 7.3). Plain data, no live socket, so that a
 * store shared by several JVMs (Redis, issue 16) can hold it. Immutable.
 *
 * @param connectionId the connection's id ({@code $context.connectionId})
 * @param apiId the id of the API the connection belongs to
 * @param stage the stage's name
 * @param connectedAt when the connection was accepted
 * @param lastActiveAt when a message last came in or went out
 * @param sourceIp the caller's IP address
 * @param userAgent the caller's {@code User-Agent}, empty when it sent none
 * @param headers the {@code $connect} request's headers, every value in order
 * @param queryParameters the {@code $connect} request's query string parameters, every value in
 *     order
 * @param authorizer a Lambda authorizer's {@code principalId} and context, values as text; empty
 *     without one
 * @param identity the identity fields {@code $connect} verified ({@code accessKey}, {@code
 *     accountId}, {@code caller}, {@code user}, {@code userArn}, {@code apiKey}, {@code apiKeyId}),
 *     beyond {@code sourceIp} and {@code userAgent}; empty when none
 */
public record ConnectionRecord(
        String connectionId,
        String apiId,
        String stage,
        Instant connectedAt,
        Instant lastActiveAt,
        String sourceIp,
        String userAgent,
        Map<String, List<String>> headers,
        Map<String, List<String>> queryParameters,
        Map<String, String> authorizer,
        Map<String, String> identity) {
    /** Checks and copies, keeping the order of the maps. */
    public ConnectionRecord {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(userAgent, "userAgent");
        headers = copy(headers);
        queryParameters = copy(queryParameters);
        authorizer = Collections.unmodifiableMap(new LinkedHashMap<>(authorizer));
        identity = Collections.unmodifiableMap(new LinkedHashMap<>(identity));
    }

    /** A record without verified identity fields. */
    public ConnectionRecord(
            String connectionId,
            String apiId,
            String stage,
            Instant connectedAt,
            Instant lastActiveAt,
            String sourceIp,
            String userAgent,
            Map<String, List<String>> headers,
            Map<String, List<String>> queryParameters,
            Map<String, String> authorizer) {
        this(
                connectionId,
                apiId,
                stage,
                connectedAt,
                lastActiveAt,
                sourceIp,
                userAgent,
                headers,
                queryParameters,
                authorizer,
                Map.of());
    }

    /** Returns this record with another {@code lastActiveAt}. */
    public ConnectionRecord withLastActiveAt(Instant time) {
        return new ConnectionRecord(
                connectionId,
                apiId,
                stage,
                connectedAt,
                time,
                sourceIp,
                userAgent,
                headers,
                queryParameters,
                authorizer,
                identity);
    }

    /** Returns this record with what {@code $connect}'s authorization found. */
    public ConnectionRecord withAuthorization(
            Map<String, String> authorizer, Map<String, String> identity) {
        return new ConnectionRecord(
                connectionId,
                apiId,
                stage,
                connectedAt,
                lastActiveAt,
                sourceIp,
                userAgent,
                headers,
                queryParameters,
                authorizer,
                identity);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}
