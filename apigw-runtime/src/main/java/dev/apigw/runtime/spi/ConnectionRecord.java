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
 * headers and query string, and the context a Lambda authorizer returned on {@code $connect} (empty
 * until authorizers are served). Plain data, no live socket, so that a store shared by several JVMs
 * (Redis, issue 16) can hold it. Immutable.
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
 * @param authorizer the authorizer's context, empty for now
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
        Map<String, String> authorizer) {
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
                authorizer);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}
