package dev.apigw.runtime.content;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.mapping.JsonDocument;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoint response body of a non-proxy integration, parsed on first use and then shared by
 * whatever reads it: the selection value of a Lambda function error (reference 6.1), body sources
 * of response parameters (reference 5.3) and the response template, when content handling left the
 * bytes as they came (reference 6.3). For a Lambda function error it also holds the JSON inside the
 * {@code errorMessage} string (reference 1.7, T12). Belongs to one response: not thread-safe.
 */
public final class EndpointBody {
    private final Response endpoint;
    private final byte[] bytes;
    private JsonDocument json;
    private JsonDocument errorMessage;
    private boolean parsed;
    private boolean errorParsed;

    public EndpointBody(Response endpoint) {
        this.endpoint = endpoint;
        this.bytes = endpoint.body();
    }

    /** Returns the body bytes, shared: read them, do not change them. */
    public byte[] bytes() {
        return bytes;
    }

    /** Returns the body as JSON, or empty when it is not JSON. */
    public Optional<JsonDocument> json() {
        if (!parsed) {
            parsed = true;
            json = parse(bytes);
        }
        return Optional.ofNullable(json);
    }

    /**
     * Returns the JSON a Lambda function error carries as its {@code errorMessage} string; empty
     * when the endpoint response is no function error or the message is not JSON.
     */
    public Optional<JsonDocument> errorMessage() {
        if (!errorParsed) {
            errorParsed = true;
            if (endpoint.headers().contains(SelectionValue.FUNCTION_ERROR)) {
                Object message = json().map(EndpointBody::errorMessageOf).orElse(null);
                errorMessage =
                        message instanceof String
                                ? parse(((String) message).getBytes(StandardCharsets.UTF_8))
                                : null;
            }
        }
        return Optional.ofNullable(errorMessage);
    }

    /** Returns the {@code errorMessage} field of a parsed body; null when it has none. */
    static Object errorMessageOf(JsonDocument body) {
        return body.root() instanceof Map ? ((Map<?, ?>) body.root()).get("errorMessage") : null;
    }

    private static JsonDocument parse(byte[] bytes) {
        return bytes.length == 0 ? null : JsonDocument.parse(bytes).orElse(null);
    }
}
