package dev.apigw.runtime.http;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.auth.sigv4.SigV4Signer;
import dev.apigw.runtime.integration.UriEncoding;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.HttpBackendException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AwsServiceBackend} that sends each service call (reference 4.2: a REST {@code AWS}
 * integration's {@code action/} or {@code path/} URI, an HTTP API integration subtype) over HTTP to
 * an AWS-compatible endpoint, such as LocalStack, ElasticMQ or the service's own regional endpoint,
 * signed with SigV4 ({@link SigV4Signer}) for the request's region and service with the configured
 * credentials.
 *
 * <p>The endpoint is the one configured for the request's {@code service()}, else the default one;
 * with neither the call fails ({@link HttpBackendException.Failure#NETWORK}) naming the service.
 * The request sent: the request's method; the endpoint's URL followed by {@code /path} for a path
 * URI, and by {@code /subdomain/path} when the URI names a subdomain ({@code bucket} of {@code
 * bucket.s3}: path-style, see docs/differences.md); for an action URI without an {@code
 * X-Amz-Target} header (the query protocol) {@code Action=<action>} as the first query parameter,
 * as API Gateway sends it, while a request in the AWS JSON protocol (with {@code X-Amz-Target})
 * goes to {@code /} as built; the mapped query parameters after it, RFC 3986 encoded; the mapped
 * headers plus {@code Host}, {@code X-Amz-Date}, {@code X-Amz-Security-Token} (temporary
 * credentials only) and {@code Authorization}. The integration's {@code credentials} role is not
 * assumed: the configured keys sign every call. The signature's date is read from the injected
 * {@link Clock}.
 *
 * <p>The exchange goes through an {@link HttpBackend}, by default {@link JdkHttpBackend}: the
 * synchronous {@code java.net.http} call on the caller's thread with the request's {@code
 * timeout()} as the deadline of the whole exchange; a timeout is {@link
 * HttpBackendException.Failure#TIMEOUT}, an endpoint that cannot be reached {@link
 * HttpBackendException.Failure#NETWORK}. The service's status, headers and body are returned as
 * they came. Thread-safe.
 */
public final class AwsEndpointBackend implements AwsServiceBackend {
    private static final String TARGET = "X-Amz-Target";

    private final Map<String, URI> endpoints;
    private final URI defaultEndpoint;
    private final SigV4Signer signer;
    private final Clock clock;
    private final HttpBackend transport;

    private AwsEndpointBackend(Builder b) {
        this.endpoints = Map.copyOf(b.endpoints);
        this.defaultEndpoint = b.defaultEndpoint;
        this.signer = Objects.requireNonNull(b.signer, "credentials");
        this.clock = b.clock;
        this.transport = b.transport;
    }

    /** Returns a builder: no endpoints, no credentials, the UTC system clock, JdkHttpBackend. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public BackendResponse call(AwsServiceRequest request) {
        URI endpoint = endpoint(request.service()).orElseThrow(() -> noEndpoint(request.service()));
        URI uri;
        try {
            uri = uri(endpoint, request);
        } catch (IllegalArgumentException e) {
            throw new HttpBackendException(
                    HttpBackendException.Failure.NETWORK,
                    "cannot build the URL of the " + request.service() + " call: " + e.getMessage(),
                    e);
        }
        Headers headers =
                signer.sign(
                        request.httpMethod(),
                        uri,
                        request.headers(),
                        request.body(),
                        request.region(),
                        request.service(),
                        clock.instant());
        return transport.send(
                new BackendRequest(
                        request.httpMethod(),
                        uri,
                        headers,
                        request.body(),
                        request.timeout(),
                        false));
    }

    /** Returns the endpoint calls to {@code service} go to: its own, else the default one. */
    public Optional<URI> endpoint(String service) {
        URI own = endpoints.get(service.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(own != null ? own : defaultEndpoint);
    }

    private static HttpBackendException noEndpoint(String service) {
        return new HttpBackendException(
                HttpBackendException.Failure.NETWORK,
                "no endpoint is configured for the AWS service "
                        + service
                        + " (apigw-local: --aws-endpoint "
                        + service
                        + "=URL or --aws-endpoint URL; AwsEndpointBackend.Builder.endpoint)",
                null);
    }

    /** Returns the URL of the call: the endpoint, the path, the query. */
    static URI uri(URI endpoint, AwsServiceRequest request) {
        StringBuilder url = new StringBuilder(endpoint.getScheme()).append("://");
        url.append(endpoint.getRawAuthority());
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        url.append(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        if (!request.subdomain().isEmpty()) {
            url.append('/').append(UriEncoding.pathValue(request.subdomain()));
        }
        url.append('/').append(request.path());
        String query = query(request);
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return URI.create(url.toString());
    }

    private static String query(AwsServiceRequest request) {
        StringBuilder query = new StringBuilder();
        boolean actionUri = !request.action().isEmpty() && request.path().isEmpty();
        if (actionUri && !request.headers().contains(TARGET)) {
            query.append("Action=").append(UriEncoding.queryComponent(request.action()));
        }
        request.queryParameters()
                .forEach(
                        (name, values) -> {
                            for (String value : values) {
                                if (query.length() > 0) {
                                    query.append('&');
                                }
                                query.append(UriEncoding.queryComponent(name))
                                        .append('=')
                                        .append(UriEncoding.queryComponent(value));
                            }
                        });
        return query.toString();
    }

    @Override
    public String toString() {
        return "AwsEndpointBackend[endpoints="
                + endpoints
                + ", default="
                + defaultEndpoint
                + ", key="
                + signer.accessKeyId()
                + "]";
    }

    /** Builds an {@link AwsEndpointBackend}. */
    public static final class Builder {
        private final Map<String, URI> endpoints = new LinkedHashMap<>();
        private URI defaultEndpoint;
        private SigV4Signer signer;
        private Clock clock = Clock.systemUTC();
        private HttpBackend transport;

        private Builder() {}

        /**
         * Sends the calls to {@code service} (as the request's {@code service()} names it, e.g.
         * {@code sqs}, {@code events}, {@code states}) to {@code endpoint}, an absolute http(s) URL
         * such as {@code http://localhost:9324}.
         */
        public Builder endpoint(String service, URI endpoint) {
            endpoints.put(service.toLowerCase(Locale.ROOT), checked(endpoint));
            return this;
        }

        /** Sends the calls to every service without an endpoint of its own to {@code endpoint}. */
        public Builder defaultEndpoint(URI endpoint) {
            defaultEndpoint = checked(endpoint);
            return this;
        }

        /**
         * Signs with these credentials; {@code sessionToken} empty for long-term credentials, else
         * sent as {@code X-Amz-Security-Token}.
         */
        public Builder credentials(
                String accessKeyId, String secretAccessKey, String sessionToken) {
            signer = SigV4Signer.of(accessKeyId, secretAccessKey, sessionToken);
            return this;
        }

        /** Reads the signature's date from {@code clock}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sends the signed requests through {@code transport} instead of a new JdkHttpBackend. */
        public Builder transport(HttpBackend transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Builds the backend; fails when no credentials were given. */
        public AwsEndpointBackend build() {
            if (signer == null) {
                throw new IllegalStateException("AwsEndpointBackend needs credentials");
            }
            if (transport == null) {
                transport = JdkHttpBackend.create();
            }
            return new AwsEndpointBackend(this);
        }

        private static URI checked(URI endpoint) {
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
            if (!List.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))
                    || endpoint.getRawAuthority() == null
                    || endpoint.getHost() == null) {
                throw new IllegalArgumentException(
                        "an AWS endpoint is an http(s) URL with a host, got " + endpoint);
            }
            return endpoint;
        }
    }
}
