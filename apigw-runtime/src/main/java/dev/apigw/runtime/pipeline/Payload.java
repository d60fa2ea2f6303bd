package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.mapping.JsonDocument;
import java.util.Optional;

/**
 * The request payload of one exchange, decoded and parsed at most once however many steps read it
 * (a template's {@code $input.path}, a {@code method.request.body.a.b} mapping, request
 * validation). Belongs to one request: not thread-safe.
 */
public final class Payload {
    private final Request request;
    private String text;
    private JsonDocument json;
    private boolean parsed;

    Payload(Request request) {
        this.request = request;
    }

    /** Returns the payload decoded as UTF-8. */
    public String text() {
        if (text == null) {
            text = request.bodyAsString();
        }
        return text;
    }

    /** Returns whether the request has no payload. */
    public boolean isEmpty() {
        return request.bodyLength() == 0;
    }

    /**
     * Returns the payload parsed as JSON, or empty when there is none or it is not JSON. Parsed on
     * the first call only.
     */
    public Optional<JsonDocument> json() {
        if (!parsed) {
            parsed = true;
            json =
                    request.bodyLength() == 0
                            ? null
                            : JsonDocument.parse(request.bodyStream()).orElse(null);
        }
        return Optional.ofNullable(json);
    }
}
