package dev.apigw.runtime.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The method a request path and HTTP method matched, with the path parameters as sent (not
 * decoded). A greedy parameter holds the rest of the path without its leading slash.
 *
 * @param target what was registered for the matched resource and method
 * @param pathParameters parameter values by name, outermost first; empty when none
 * @param <T> the target type
 */
public record RouteMatch<T>(T target, Map<String, String> pathParameters) {
    /** Checks and copies. */
    public RouteMatch {
        Objects.requireNonNull(target);
        pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
    }
}
