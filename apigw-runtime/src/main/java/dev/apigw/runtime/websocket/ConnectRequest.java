package dev.apigw.runtime.websocket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client's upgrade request to a WebSocket API stage, as the host received it: its headers and
 * query string parameters (every value, in order) and the caller's address. The {@code $connect}
 * event carries them (reference 2.6). Immutable.
 *
 * @param headers the request's headers, every value in order
 * @param queryParameters the query string parameters, decoded, every value in order
 * @param sourceIp the caller's IP address
 */
public record ConnectRequest(
        Map<String, List<String>> headers,
        Map<String, List<String>> queryParameters,
        String sourceIp) {
    /** Checks and copies, keeping the order. */
    public ConnectRequest {
        headers = copy(headers);
        queryParameters = copy(queryParameters);
        Objects.requireNonNull(sourceIp, "sourceIp");
    }

    /** Returns a builder (source IP {@code 127.0.0.1}, no header, no query). */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the first value of a header, case-insensitively, or {@code ""}. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return "";
    }

    /** Returns the {@code User-Agent} header, or {@code ""}. */
    public String userAgent() {
        return header("User-Agent");
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(Objects.requireNonNull(name), List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a {@link ConnectRequest}. */
    public static final class Builder {
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private String sourceIp = "127.0.0.1";

        private Builder() {}

        /** Adds a header value. */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name.trim(), n -> new ArrayList<>())
                    .add(Objects.requireNonNull(value));
            return this;
        }

        /** Adds a query string parameter value. */
        public Builder queryParameter(String name, String value) {
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(Objects.requireNonNull(value));
            return this;
        }

        /** Sets the caller's IP address. */
        public Builder sourceIp(String sourceIp) {
            this.sourceIp = Objects.requireNonNull(sourceIp);
            return this;
        }

        /** Builds the request. */
        public ConnectRequest build() {
            return new ConnectRequest(headers, query, sourceIp);
        }
    }
}
