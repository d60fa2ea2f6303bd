package dev.apigw.runtime.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One WebSocket message, a text or a binary frame (RFC 6455), in either direction: what a client
 * sent ({@link WebSocketGateway#message}) or what the gateway sends ({@link ConnectionSink#send}).
 * Immutable: the data is copied in and out.
 *
 * @param text whether this is a text frame (UTF-8) rather than a binary one
 * @param data the payload's bytes
 */
public record Frame(boolean text, byte[] data) {
    /** Checks and copies. */
    public Frame {
        data = Objects.requireNonNull(data, "data").clone();
    }

    /** Returns a text frame. */
    public static Frame text(String text) {
        return new Frame(true, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a binary frame holding a copy of {@code data}. */
    public static Frame binary(byte[] data) {
        return new Frame(false, data);
    }

    /** Returns a text frame when {@code data} is valid UTF-8, else a binary frame. */
    static Frame of(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data));
            return new Frame(true, data);
        } catch (CharacterCodingException e) {
            return binary(data);
        }
    }

    /** Returns a copy of the payload. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Returns the payload's size in bytes. */
    public int length() {
        return data.length;
    }

    /** Returns the payload as text (UTF-8, malformed bytes replaced). */
    public String asText() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame f && f.text == text && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(text) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return text ? "Frame[text " + asText() + "]" : "Frame[binary " + data.length + " bytes]";
    }
}
