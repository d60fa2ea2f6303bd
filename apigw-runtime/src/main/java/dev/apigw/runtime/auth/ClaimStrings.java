package dev.apigw.runtime.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a verified token's claims as API Gateway hands them on (reference 8.4, 2.1): every value
 * a string. The time claims {@code exp}, {@code iat} and {@code nbf} read as a date in UTC ({@code
 * Sun Dec 17 07:28:12 UTC 2017}), other numbers in decimal ({@code auth_time} {@code
 * "1513492092"}), booleans as {@code "true"}/{@code "false"}, a list as its items between brackets
 * separated by spaces ({@code "[admins editors]"}), as community reports of real events show; an
 * object as its JSON (unconfirmed).
 */
final class ClaimStrings {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf");

    private ClaimStrings() {}

    /**
     * Returns the claims, as the token's JSON has them, with each value rendered as a string, in
     * the token's order.
     */
    static Map<String, Object> of(Map<String, Object> claims) {
        Map<String, Object> strings = new LinkedHashMap<>();
        claims.forEach(
                (name, value) ->
                        strings.put(
                                name,
                                TIME_CLAIMS.contains(name) && value instanceof Number seconds
                                        ? DATE.format(Instant.ofEpochSecond(seconds.longValue()))
                                        : render(value)));
        return strings;
    }

    private static String render(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream()
                    .map(ClaimStrings::render)
                    .collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return JSONObjectUtils.toJSONString(toStringKeys(map));
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static Map<String, Object> toStringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
