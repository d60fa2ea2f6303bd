package dev.apigw.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What API Gateway sends back: status, headers and body bytes. Transport headers ({@code Date},
 * {@code Content-Length}, {@code Connection}) are the host's to add. Every header is one RFC 9110
 * allows ({@link Headers#requireValid()}): a response never carries CR, LF or another control
 * character that would let a host split it.
 */
public final class Response {
    private static final byte[] NO_BODY = new byte[0];

    private final int statusCode;
    private final Headers headers;
    private final byte[] body;

    private Response(int statusCode, Headers headers, byte[] body) {
        this.statusCode = statusCode;
        this.headers = headers;
        this.body = body;
    }

    private Response(Builder b) {
        if (b.statusCode < 100 || b.statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be 100 to 599: " + b.statusCode);
        }
        this.statusCode = b.statusCode;
        this.headers = b.headers.build().requireValid();
        this.body = b.body;
    }

    /** Returns a new builder (status 200, no header, no body). */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this response's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy in which each given header name has only the given value (see {@link
     * Headers#with}); throws {@link IllegalArgumentException} for a field RFC 9110 does not allow.
     */
    public Response withHeaders(String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Headers.requireValid(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Response(statusCode, headers.with(namesAndValues), body);
    }

    /** Returns the status code. */
    public int statusCode() {
        return statusCode;
    }

    /** Returns the headers. */
    public Headers headers() {
        return headers;
    }

    /** Returns a copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Response[" + statusCode + ", " + headers + ", " + body.length + " bytes]";
    }

    /** Builds a {@link Response}. */
    public static final class Builder {
        private int statusCode = 200;
        private Headers.Builder headers = Headers.builder();
        private byte[] body = NO_BODY;

        private Builder() {}

        private Builder(Response r) {
            statusCode = r.statusCode;
            headers = r.headers.toBuilder();
            body = r.body;
        }

        /** Sets the status code (100 to 599). */
        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /** Replaces the headers. */
        public Builder headers(Headers headers) {
            this.headers = headers.toBuilder();
            return this;
        }

        /** Adds a header after the others. */
        public Builder addHeader(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** Replaces every header of this name with one. */
        public Builder setHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /** Removes every header of this name. */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /** Returns whether a header of this name is set. */
        public boolean hasHeader(String name) {
            return headers.contains(name);
        }

        /** Sets the body bytes (copied). */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body).clone();
            return this;
        }

        /** Sets the body as UTF-8 text. */
        public Builder body(String body) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * Builds the response; throws {@link IllegalArgumentException} for a status outside 100 to
         * 599 or a header RFC 9110 does not allow.
         */
        public Response build() {
            return new Response(this);
        }
    }
}
