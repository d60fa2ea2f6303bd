package dev.apigw.runtime.websocket;

import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.pipeline.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code contentHandlingStrategy} of a WebSocket integration (the message) and of an
 * integration response (the answer), reference 6.3: {@code CONVERT_TO_TEXT} turns a binary payload
 * into its base64 text, {@code CONVERT_TO_BINARY} decodes a text payload as base64 (text that is
 * not base64 fails with 500); without a strategy a payload passes as it is. A payload that goes
 * through a mapping template cannot be converted to binary: that fails with 500, as on REST APIs.
 */
final class ContentConversion {
    private ContentConversion() {}

    /** Converts a message that passes through without a template. */
    static byte[] message(ContentHandlingStrategy strategy, RouteRequest request) {
        Optional<Frame> message = request.message();
        if (strategy == null || message.isEmpty()) {
            return request.bodyBytes();
        }
        Frame frame = message.get();
        if (strategy == ContentHandlingStrategy.CONVERT_TO_TEXT && !frame.text()) {
            return Base64.getEncoder().encode(frame.data());
        }
        if (strategy == ContentHandlingStrategy.CONVERT_TO_BINARY && frame.text()) {
            return decode(frame.data());
        }
        return frame.data();
    }

    /** Fails when a payload converted to binary would go through a template. */
    static void checkTemplate(ContentHandlingStrategy strategy) {
        if (strategy == ContentHandlingStrategy.CONVERT_TO_BINARY) {
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
    }

    /** Converts an answer's body that passes through without a template into a frame. */
    static Frame answer(ContentHandlingStrategy strategy, byte[] body) {
        Frame frame = Frame.of(body);
        if (strategy == ContentHandlingStrategy.CONVERT_TO_TEXT && !frame.text()) {
            return new Frame(true, Base64.getEncoder().encode(body));
        }
        if (strategy == ContentHandlingStrategy.CONVERT_TO_BINARY) {
            return Frame.binary(frame.text() ? decode(body) : body);
        }
        return frame;
    }

    private static byte[] decode(byte[] text) {
        try {
            return Base64.getDecoder().decode(new String(text, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
    }
}
