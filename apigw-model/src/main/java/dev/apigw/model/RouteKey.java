package dev.apigw.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTTP API route key (reference section 7.2): {@code METHOD /path}, where the method is one of
 * {@code GET POST PUT PATCH DELETE HEAD OPTIONS} or {@code ANY} and the path is made of literal
 * segments, {@code {name}} variables and, as the last segment only, a greedy {@code {name+}}; or
 * the catch-all {@code $default}.
 *
 * @param method the HTTP method, {@code ANY}, or empty for {@code $default}
 * @param path the resource path, or empty for {@code $default}
 */
public record RouteKey(String method, String path) {
    /** The catch-all route key. */
    public static final String DEFAULT = "$default";

    private static final Set<String> METHODS =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._:,~@!$&'()*;=-]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z0-9._-]+\\+?}");

    /** Validates the key; fails naming what is wrong. */
    public RouteKey {
        if (!method.isEmpty() || !path.isEmpty()) {
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException(
                        "route key '" + method + " " + path + "': unknown method " + method);
            }
            checkPath(method + " " + path, path);
        }
    }

    /**
     * Parses a route key as AWS writes it ({@code GET /pets/{id}}, {@code $default}); fails naming
     * the key when it does not parse.
     */
    public static RouteKey parse(String routeKey) {
        if (routeKey == null || routeKey.isBlank()) {
            throw new IllegalArgumentException("route key is required");
        }
        if (routeKey.equals(DEFAULT)) {
            return new RouteKey("", "");
        }
        int space = routeKey.indexOf(' ');
        if (space < 0 || routeKey.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException(
                    "route key '"
                            + routeKey
                            + "' must be $default or an HTTP method and a path separated by one"
                            + " space");
        }
        return new RouteKey(routeKey.substring(0, space), routeKey.substring(space + 1));
    }

    /** Returns whether this is the {@code $default} route key. */
    public boolean isDefault() {
        return method.isEmpty();
    }

    /** Returns whether the method is {@code ANY}. */
    public boolean isAnyMethod() {
        return method.equals("ANY");
    }

    /** Returns the path's segments ({@code []} for {@code /} and {@code $default}). */
    public List<String> segments() {
        if (path.isEmpty() || path.equals("/")) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(1).split("/", -1)) {
            segments.add(segment);
        }
        return Collections.unmodifiableList(segments);
    }

    /** Returns the key as AWS writes it: {@code GET /pets/{id}} or {@code $default}. */
    @Override
    public String toString() {
        return isDefault() ? DEFAULT : method + " " + path;
    }

    private static void checkPath(String key, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(
                    "route key '" + key + "': the path must start with /");
        }
        if (path.equals("/")) {
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("route key '" + key + "': empty path segment");
            }
            if (segment.startsWith("{")) {
                if (!VARIABLE.matcher(segment).matches()) {
                    throw new IllegalArgumentException(
                            "route key '" + key + "': invalid path variable " + segment);
                }
                if (segment.endsWith("+}") && i != segments.length - 1) {
                    throw new IllegalArgumentException(
                            "route key '"
                                    + key
                                    + "': a greedy path variable must be the last segment");
                }
            } else if (!LITERAL.matcher(segment).matches()) {
                throw new IllegalArgumentException(
                        "route key '" + key + "': invalid path segment " + segment);
            }
        }
    }
}
