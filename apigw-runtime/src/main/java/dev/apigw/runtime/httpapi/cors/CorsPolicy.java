package dev.apigw.runtime.httpapi.cors;

import dev.apigw.model.CorsConfiguration;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.AttributeKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP API's CORS configuration compiled once (reference 11.2): which origins it allows ({@code
 * *}, an exact origin, or every origin of a scheme, {@code https://*} and {@code http://*}), the
 * answer API Gateway gives a preflight itself, and the headers it puts on every other answer. The
 * header values are joined when the API is built, so a request only compares its origin. Header
 * names are lower case, as HTTP APIs send theirs ({@code apigw-requestid}, {@code content-type}).
 * Immutable and thread-safe.
 *
 * <p>Differs from AWS, unconfirmed choices (docs/differences.md): the preflight answer is 204 with
 * no body and carries {@code access-control-allow-methods}, {@code -allow-headers}, {@code
 * -max-age} and {@code -allow-credentials} as configured, {@code *} included, whatever the request
 * asked; an actual answer carries {@code access-control-allow-origin}, {@code -allow-credentials}
 * and {@code -expose-headers} only; an origin that is not allowed gets no CORS header at all.
 */
public final class CorsPolicy {
    /** Where the serving state keeps the API's policy, when it has a CORS configuration. */
    public static final AttributeKey<CorsPolicy> KEY = AttributeKey.of("httpApiCors");

    static final String ALLOW_ORIGIN = "access-control-allow-origin";
    static final String ALLOW_CREDENTIALS = "access-control-allow-credentials";
    static final String EXPOSE_HEADERS = "access-control-expose-headers";
    static final String ALLOW_METHODS = "access-control-allow-methods";
    static final String ALLOW_HEADERS = "access-control-allow-headers";
    static final String MAX_AGE = "access-control-max-age";
    private static final String PREFIX = "access-control-";

    private final boolean anyOrigin;
    private final boolean anyHttps;
    private final boolean anyHttp;
    private final List<String> origins;
    private final boolean allowCredentials;
    private final String exposeHeaders;
    private final String allowMethods;
    private final String allowHeaders;
    private final String maxAge;

    private CorsPolicy(CorsConfiguration cors) {
        this.anyOrigin = cors.allowOrigins().contains("*");
        this.anyHttps = cors.allowOrigins().contains("https://*");
        this.anyHttp = cors.allowOrigins().contains("http://*");
        this.origins = cors.allowOrigins().stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
        this.allowCredentials = cors.allowCredentials();
        this.exposeHeaders = joined(cors.exposeHeaders());
        this.allowMethods = joined(cors.allowMethods());
        this.allowHeaders = joined(cors.allowHeaders());
        this.maxAge = cors.maxAge().map(String::valueOf).orElse(null);
    }

    /** Compiles a CORS configuration. */
    public static CorsPolicy compile(CorsConfiguration cors) {
        return new CorsPolicy(Objects.requireNonNull(cors));
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    /**
     * Returns whether {@code request} is a preflight: {@code OPTIONS} with an {@code Origin} and an
     * {@code Access-Control-Request-Method} header (reference 11.2).
     */
    public boolean isPreflight(Request request) {
        return request.httpMethod().equals("OPTIONS")
                && request.headers().contains("Origin")
                && request.headers().contains("Access-Control-Request-Method");
    }

    /**
     * Returns the {@code access-control-allow-origin} value for a request's {@code Origin}: {@code
     * *} when every origin is allowed, else the origin itself when it is allowed (exactly, case
     * aside, or by its scheme's wildcard); null when it is not.
     */
    String allowOrigin(String origin) {
        if (anyOrigin) {
            return "*";
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        if ((anyHttps && lower.startsWith("https://"))
                || (anyHttp && lower.startsWith("http://"))) {
            return origin;
        }
        return origins.contains(lower) ? origin : null;
    }

    /**
     * Returns API Gateway's own answer to a preflight: 204 with no body, with the configured
     * headers when the origin is allowed, none when it is not.
     */
    public Response preflight(Request request) {
        Response.Builder answer = Response.builder().statusCode(204);
        String origin = allowOrigin(request.headers().first("Origin").orElse(""));
        if (origin != null) {
            answer.setHeader(ALLOW_ORIGIN, origin);
            setIfPresent(answer, ALLOW_METHODS, allowMethods);
            setIfPresent(answer, ALLOW_HEADERS, allowHeaders);
            setIfPresent(answer, MAX_AGE, maxAge);
            if (allowCredentials) {
                answer.setHeader(ALLOW_CREDENTIALS, "true");
            }
        }
        return answer.build();
    }

    /**
     * Returns {@code response} as API Gateway sends it to {@code request}: every {@code
     * access-control-*} header of the backend removed (reference 11.2: ignored once CORS is
     * configured), then, when the request's {@code Origin} is allowed, the configured {@code
     * access-control-allow-origin}, {@code -allow-credentials} and {@code -expose-headers}.
     */
    public Response actual(Request request, Response response) {
        String origin = request.headers().first("Origin").map(this::allowOrigin).orElse(null);
        if (origin == null && !hasCorsHeader(response.headers())) {
            return response;
        }
        Response.Builder answer = response.toBuilder();
        response.headers()
                .forEach(
                        (name, value) -> {
                            if (isCorsHeader(name)) {
                                answer.removeHeader(name);
                            }
                        });
        if (origin != null) {
            answer.setHeader(ALLOW_ORIGIN, origin);
            if (allowCredentials) {
                answer.setHeader(ALLOW_CREDENTIALS, "true");
            }
            setIfPresent(answer, EXPOSE_HEADERS, exposeHeaders);
        }
        return answer.build();
    }

    private static boolean hasCorsHeader(Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            if (isCorsHeader(headers.name(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCorsHeader(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    private static void setIfPresent(Response.Builder answer, String name, String value) {
        if (value != null) {
            answer.setHeader(name, value);
        }
    }
}
