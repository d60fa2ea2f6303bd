package dev.apigw.runtime.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A message's JSON, parsed when first asked and then kept, so that route selection and the
 * integration's template and integration response selection expressions (reference 7.3) read one
 * parse of the message. Empty for no message, a binary frame or text that is not JSON. Belongs to
 * one message, read by the thread that routes it.
 */
final class MessageJson {
    private final Optional<Frame> message;
    private Optional<JsonNode> json;

    MessageJson(Optional<Frame> message) {
        this.message = message;
    }

    /** Returns the message's JSON, parsing it the first time. */
    Optional<JsonNode> get() {
        if (json == null) {
            json = message.flatMap(RouteSelector::json);
        }
        return json;
    }
}
