package dev.apigw.runtime.pipeline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of {@code $context} variables for one request (reference section 1.2), shared by
 * mapping templates, parameter mappings, gateway responses and the Lambda proxy event.
 */
public final class ContextVariables {
    /** {@code $context.protocol}: API Gateway always reports HTTP/1.1. */
    public static final String PROTOCOL = "HTTP/1.1";

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final String[] TOP_LEVEL = {
        "accountId",
        "apiId",
        "deploymentId",
        "domainName",
        "domainPrefix",
        "extendedRequestId",
        "requestId",
        "httpMethod",
        "path",
        "protocol",
        "requestTime",
        "requestTimeEpoch",
        "resourceId",
        "resourcePath",
        "stage"
    };
    private static final String[] IDENTITY = {
        "cognitoIdentityPoolId",
        "accountId",
        "cognitoIdentityId",
        "caller",
        "sourceIp",
        "principalOrgId",
        "accessKey",
        "cognitoAuthenticationType",
        "cognitoAuthenticationProvider",
        "userArn",
        "userAgent",
        "user",
        "apiKey",
        "apiKeyId"
    };

    private static final String[] IDENTITY_VARIABLES = new String[IDENTITY.length];

    static {
        for (int i = 0; i < IDENTITY.length; i++) {
            IDENTITY_VARIABLES[i] = "identity." + IDENTITY[i];
        }
    }

    private ContextVariables() {}

    /**
     * Returns the value of {@code $context.<name>} (e.g. {@code stage}, {@code identity.sourceIp}),
     * or null when the variable is unset or unknown.
     */
    public static String get(Exchange e, String name) {
        switch (name) {
            case "accountId":
                return e.gateway().accountId();
            case "apiId":
                return e.state().apiId();
            case "deploymentId":
                return e.resolvedStage().map(s -> s.deployment().deployment().id()).orElse(null);
            case "domainName":
                return domainName(e);
            case "domainPrefix":
                return domainPrefix(e);
            case "extendedRequestId":
                return e.extendedRequestId();
            case "requestId":
                return e.requestId();
            case "httpMethod":
                return e.request().httpMethod();
            case "path":
                return requestPath(e);
            case "protocol":
                return PROTOCOL;
            case "requestTime":
                return requestTime(e.requestTime());
            case "requestTimeEpoch":
                return Long.toString(e.requestTime().toEpochMilli());
            case "resourceId":
                return e.matchedRoute()
                        .map(r -> ((CompiledMethod) r.target()).resource().id())
                        .orElse(null);
            case "resourcePath":
                return e.matchedRoute()
                        .map(r -> ((CompiledMethod) r.target()).resource().path())
                        .orElse(null);
            case "stage":
                return e.resolvedStage().map(s -> s.stage().stageName()).orElse(null);
            case "identity.sourceIp":
                return e.request().sourceIp();
            case "identity.userAgent":
                return e.request().headers().first("User-Agent").orElse(null);
            case "identity.apiKey":
                return e.apiKey().map(k -> k.value()).orElse(null);
            case "identity.apiKeyId":
                return e.apiKey().map(k -> k.id()).orElse(null);
            default:
                return null;
        }
    }

    /**
     * Returns {@code $context} as a nested map for mapping templates: every variable with a value,
     * {@code identity} as its own map with unset fields present as null.
     */
    public static Map<String, Object> asMap(Exchange e) {
        Map<String, Object> context = new HashMap<>();
        for (String name : TOP_LEVEL) {
            String value = get(e, name);
            if (value != null) {
                context.put(name, value);
            }
        }
        context.put("identity", identity(e));
        return context;
    }

    /** Returns {@code $context.identity} as a map, unset fields present as null. */
    static Map<String, Object> identity(Exchange e) {
        Map<String, Object> identity = new LinkedHashMap<>(IDENTITY.length * 2); // no resize
        for (int i = 0; i < IDENTITY.length; i++) {
            identity.put(IDENTITY[i], get(e, IDENTITY_VARIABLES[i]));
        }
        return identity;
    }

    /**
     * Returns {@code $context.requestTime} of an instant: Common Log Format in UTC, e.g. {@code
     * 04/Mar/2020:19:15:17 +0000} (reference 1.2). Written by hand: it is on every Lambda proxy
     * request, and {@code DateTimeFormatter} costs several times more.
     */
    public static String requestTime(Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(26);
        twoDigits(s, t.getDayOfMonth())
                .append('/')
                .append(MONTHS[t.getMonthValue() - 1])
                .append('/')
                .append(t.getYear())
                .append(':');
        twoDigits(s, t.getHour()).append(':');
        twoDigits(s, t.getMinute()).append(':');
        return twoDigits(s, t.getSecond()).append(" +0000").toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Returns {@code $context.domainName}: the request's Host, else the execute-api host. */
    public static String domainName(Exchange e) {
        return e.request()
                .headers()
                .first("Host")
                .orElseGet(
                        () ->
                                e.state().apiId()
                                        + ".execute-api."
                                        + e.gateway().region()
                                        + ".amazonaws.com");
    }

    /** Returns {@code $context.domainPrefix}: the first label of the domain name. */
    public static String domainPrefix(Exchange e) {
        String domain = domainName(e);
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    /**
     * Returns {@code $context.path}: the raw request path with the stage, leading slashes folded
     * into one ({@code //stage/x} gives {@code /stage/x}, reference 2.1).
     */
    public static String requestPath(Exchange e) {
        String path = e.request().path();
        int i = 0;
        while (i + 1 < path.length() && path.charAt(i + 1) == '/' && path.charAt(i) == '/') {
            i++;
        }
        return path.substring(i);
    }
}
