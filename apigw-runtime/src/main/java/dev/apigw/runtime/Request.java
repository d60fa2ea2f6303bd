package dev.apigw.runtime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as it reaches API Gateway: method, the raw path (never decoded) and query string,
 * headers, body, and what the transport knows of the caller (source IP, client certificate). The
 * path starts with the stage name, as in an execute-api URL ({@code /dev/pets/1}).
 */
public final class Request {
    private static final byte[] NO_BODY = new byte[0];

    private final String httpMethod;
    private final String path;
    private final String rawQueryString;
    private final Headers headers;
    private final byte[] body;
    private final String sourceIp;
    private final String scheme;
    private final int port;
    private final ClientCertificate clientCertificate;
    private final String sourceVpce;
    private final String sourceVpc;

    private Request(Builder b) {
        this.httpMethod = Objects.requireNonNull(b.httpMethod, "httpMethod");
        this.path = Objects.requireNonNull(b.path, "path");
        this.rawQueryString = b.rawQueryString;
        this.headers = b.headers;
        this.body = b.body;
        this.sourceIp = b.sourceIp;
        this.scheme = b.scheme;
        this.port = b.port;
        this.clientCertificate = b.clientCertificate;
        this.sourceVpce = b.sourceVpce;
        this.sourceVpc = b.sourceVpc;
    }

    /** Returns a new builder; defaults: no query, no headers, no body, source 127.0.0.1. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a request with this method and target ({@code /dev/pets?limit=2}). */
    public static Request of(String httpMethod, String target) {
        return builder().httpMethod(httpMethod).target(target).build();
    }

    /**
     * Returns a {@code GET} request for this target ({@code /dev/pets?limit=2}): the same as {@code
     * Request.of("GET", target)}.
     */
    public static Request get(String target) {
        return of("GET", target);
    }

    /**
     * Returns a {@code POST} request for this target with a JSON body, sent with {@code
     * Content-Type: application/json}. The body is sent as given (UTF-8), not checked.
     */
    public static Request post(String target, String json) {
        Objects.requireNonNull(json, "json");
        return builder()
                .httpMethod("POST")
                .target(target)
                .header("Content-Type", "application/json")
                .body(json)
                .build();
    }

    /** Returns a builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns the HTTP method as sent. */
    public String httpMethod() {
        return httpMethod;
    }

    /** Returns the raw path as sent, stage included, percent-encoding untouched. */
    public String path() {
        return path;
    }

    /** Returns the raw query string without {@code ?}; empty when there is none. */
    public String rawQueryString() {
        return rawQueryString;
    }

    /** Returns the headers as sent. */
    public Headers headers() {
        return headers;
    }

    /** Returns a copy of the body bytes; empty when there is no body. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** Returns a stream over the body, without copying it. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Returns the VPC endpoint a private API's request came through ({@code
     * $context.identity.vpceId}, policy key {@code aws:SourceVpce}, reference 8.8), as the host set
     * it; empty for a request from the internet.
     */
    public Optional<String> sourceVpce() {
        return Optional.ofNullable(sourceVpce);
    }

    /**
     * Returns the VPC a private API's request came from ({@code $context.identity.vpcId}, policy
     * key {@code aws:SourceVpc}), as the host set it; empty for a request from the internet.
     */
    public Optional<String> sourceVpc() {
        return Optional.ofNullable(sourceVpc);
    }

    /** Returns the IP address of the TCP peer ({@code $context.identity.sourceIp}). */
    public String sourceIp() {
        return sourceIp;
    }

    /** Returns the scheme the client used ({@code https} by default). */
    public String scheme() {
        return scheme;
    }

    /** Returns the port the client connected to (443 by default). */
    public int port() {
        return port;
    }

    /** Returns the client's TLS certificate of a mutual-TLS connection, if any. */
    public Optional<ClientCertificate> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    byte[] bodyBytes() {
        return body;
    }

    @Override
    public String toString() {
        return httpMethod + " " + path + (rawQueryString.isEmpty() ? "" : "?" + rawQueryString);
    }

    /**
     * A client certificate presented over mutual TLS, as API Gateway passes it in {@code
     * $context.identity.clientCert}.
     *
     * @param clientCertPem the PEM-encoded certificate
     * @param subjectDN the subject's distinguished name
     * @param issuerDN the issuer's distinguished name
     * @param serialNumber the serial number
     * @param notBefore the start of validity, as AWS prints it
     * @param notAfter the end of validity, as AWS prints it
     */
    public record ClientCertificate(
            String clientCertPem,
            String subjectDN,
            String issuerDN,
            String serialNumber,
            String notBefore,
            String notAfter) {
        /** Checks that no field is null. */
        public ClientCertificate {
            Objects.requireNonNull(clientCertPem);
            Objects.requireNonNull(subjectDN);
            Objects.requireNonNull(issuerDN);
            Objects.requireNonNull(serialNumber);
            Objects.requireNonNull(notBefore);
            Objects.requireNonNull(notAfter);
        }
    }

    /** Builds a {@link Request}. */
    public static final class Builder {
        private String httpMethod;
        private String path;
        private String rawQueryString = "";
        private Headers headers = Headers.empty();
        private byte[] body = NO_BODY;
        private String sourceIp = "127.0.0.1";
        private String scheme = "https";
        private int port = 443;
        private ClientCertificate clientCertificate;
        private String sourceVpce;
        private String sourceVpc;

        private Builder() {}

        private Builder(Request r) {
            httpMethod = r.httpMethod;
            path = r.path;
            rawQueryString = r.rawQueryString;
            headers = r.headers;
            body = r.body;
            sourceIp = r.sourceIp;
            scheme = r.scheme;
            port = r.port;
            clientCertificate = r.clientCertificate;
            sourceVpce = r.sourceVpce;
            sourceVpc = r.sourceVpc;
        }

        /** Sets the HTTP method. */
        public Builder httpMethod(String httpMethod) {
            this.httpMethod = httpMethod;
            return this;
        }

        /** Sets the raw path, stage included. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Sets the raw query string, without {@code ?}. */
        public Builder rawQueryString(String rawQueryString) {
            this.rawQueryString = Objects.requireNonNull(rawQueryString);
            return this;
        }

        /** Sets path and query from a request target such as {@code /dev/pets?limit=2}. */
        public Builder target(String target) {
            int q = target.indexOf('?');
            path = q < 0 ? target : target.substring(0, q);
            rawQueryString = q < 0 ? "" : target.substring(q + 1);
            return this;
        }

        /** Replaces the headers. */
        public Builder headers(Headers headers) {
            this.headers = Objects.requireNonNull(headers);
            return this;
        }

        /** Adds a header after the others. */
        public Builder header(String name, String value) {
            this.headers = headers.toBuilder().add(name, value).build();
            return this;
        }

        /** Sets the body bytes (copied). */
        public Builder body(byte[] body) {
            this.body = body.clone();
            return this;
        }

        /** Sets the body as UTF-8 text. */
        public Builder body(String body) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Sets the IP address of the TCP peer. */
        public Builder sourceIp(String sourceIp) {
            this.sourceIp = Objects.requireNonNull(sourceIp);
            return this;
        }

        /**
         * Sets the VPC endpoint ({@code vpce-...}) the request came through, for a private API
         * (reference 8.8); null for a request from the internet.
         */
        public Builder sourceVpce(String sourceVpce) {
            this.sourceVpce = sourceVpce;
            return this;
        }

        /** Sets the VPC ({@code vpc-...}) the request came from, for a private API. */
        public Builder sourceVpc(String sourceVpc) {
            this.sourceVpc = sourceVpc;
            return this;
        }

        /** Sets the scheme the client used. */
        public Builder scheme(String scheme) {
            this.scheme = Objects.requireNonNull(scheme);
            return this;
        }

        /** Sets the port the client connected to. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sets the mutual-TLS client certificate. */
        public Builder clientCertificate(ClientCertificate clientCertificate) {
            this.clientCertificate = clientCertificate;
            return this;
        }

        /** Builds the request. */
        public Request build() {
            return new Request(this);
        }
    }
}
