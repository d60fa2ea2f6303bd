package dev.apigw.runtime.cache;

import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.List;
import java.util.Locale;

/**
 * Builds the key of a request's entry in its stage cache (reference 9.3, 9.2): the deployment that
 * serves it (so a canary on another deployment keeps entries of its own, and one on the same
 * deployment shares them), the cache namespace (the integration's {@code cacheNamespace}, by
 * default the resource id: the namespace stands for the resource, so resources naming the same
 * namespace share entries), the HTTP method, then each of the integration's {@code
 * cacheKeyParameters} with the request's values. Request parameters not listed are not part of the
 * key. Every part is written with its length, so no two different sets of values give the same key.
 */
final class CacheKey {
    private static final String PATH = "method.request.path.";
    private static final String QUERY = "method.request.querystring.";
    private static final String MULTI_QUERY = "method.request.multivaluequerystring.";
    private static final String HEADER = "method.request.header.";
    private static final String MULTI_HEADER = "method.request.multivalueheader.";

    private CacheKey() {}

    /** Returns the key of the exchange's entry. */
    static String of(Exchange exchange) {
        CompiledMethod method = exchange.method();
        StringBuilder key = new StringBuilder(64);
        part(key, exchange.stage().deployment().deployment().id());
        part(key, method.integration().cacheNamespace().orElse(method.resource().id()));
        part(key, method.method().httpMethod());
        for (String parameter : method.integration().cacheKeyParameters()) {
            part(key, parameter);
            values(key, values(exchange, parameter));
        }
        return key.toString();
    }

    /** Returns the request's values of a {@code method.request.*} parameter; null when absent. */
    private static List<String> values(Exchange exchange, String parameter) {
        if (parameter.startsWith(PATH)) {
            String value =
                    exchange.route().pathParameters().get(parameter.substring(PATH.length()));
            return value == null ? null : List.of(value);
        }
        if (parameter.startsWith(QUERY) || parameter.startsWith(MULTI_QUERY)) {
            String name =
                    parameter.substring(
                            parameter.startsWith(QUERY) ? QUERY.length() : MULTI_QUERY.length());
            return exchange.queryParameters().get(name);
        }
        if (parameter.startsWith(HEADER) || parameter.startsWith(MULTI_HEADER)) {
            String name =
                    parameter.substring(
                            parameter.startsWith(HEADER) ? HEADER.length() : MULTI_HEADER.length());
            List<String> values = exchange.request().headers().values(name);
            return values.isEmpty() ? null : values;
        }
        return List.of(parameter.toLowerCase(Locale.ROOT));
    }

    private static void values(StringBuilder key, List<String> values) {
        if (values == null) {
            key.append('-');
            return;
        }
        key.append(values.size()).append('*');
        for (String value : values) {
            part(key, value);
        }
    }

    private static void part(StringBuilder key, String value) {
        key.append(value.length()).append(':').append(value);
    }
}
