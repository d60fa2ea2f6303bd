package dev.apigw.runtime.integration;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.pipeline.BodyPath;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.HiddenHeaders;
import dev.apigw.runtime.pipeline.MappingExpression;
import java.util.List;
import java.util.Map;

/**
 * The source of one integration request mapping (reference 5.2), parsed once when the API is built:
 * {@code method.request.path.X}, {@code method.request.querystring.X}, {@code
 * method.request.multivaluequerystring.X}, {@code method.request.header.X}, {@code
 * method.request.multivalueheader.X}, {@code method.request.body}, {@code
 * method.request.body.JSONPATH} (no {@code $.}; compiled here, read from the request body parsed at
 * most once), {@code stageVariables.X}, {@code context.X} or {@code 'static'}. A single-value
 * source takes the last value sent (reference 5.2 "last value (unconfirmed)"); headers hidden from
 * integrations have no value; a body field that selects nothing, or a body that is not JSON, has no
 * value. Immutable and thread-safe.
 */
final class MappingSource {
    private enum Kind {
        PATH,
        QUERYSTRING,
        MULTIVALUEQUERYSTRING,
        HEADER,
        MULTIVALUEHEADER,
        BODY,
        BODY_PATH,
        STAGE_VARIABLE,
        CONTEXT,
        STATIC
    }

    private static final String BODY = "method.request.body";
    private static final Map<String, Kind> PREFIXES =
            Map.of(
                    "method.request.path.", Kind.PATH,
                    "method.request.querystring.", Kind.QUERYSTRING,
                    "method.request.multivaluequerystring.", Kind.MULTIVALUEQUERYSTRING,
                    "method.request.header.", Kind.HEADER,
                    "method.request.multivalueheader.", Kind.MULTIVALUEHEADER,
                    "stageVariables.", Kind.STAGE_VARIABLE,
                    "context.", Kind.CONTEXT);

    private final Kind kind;
    private final String name;
    private final BodyPath path;

    private MappingSource(Kind kind, String name, BodyPath path) {
        this.kind = kind;
        this.name = name;
        this.path = path;
    }

    /** Parses a mapping expression; fails with AWS's message when it is not one. */
    static MappingSource parse(String expression) {
        if (MappingExpression.isStatic(expression)) {
            return new MappingSource(Kind.STATIC, MappingExpression.staticValue(expression), null);
        }
        if (expression.equals(BODY)) {
            return new MappingSource(Kind.BODY, "", null);
        }
        if (expression.startsWith(BODY + ".")) {
            String field = expression.substring(BODY.length() + 1);
            try {
                return new MappingSource(Kind.BODY_PATH, field, BodyPath.compile(field));
            } catch (IllegalArgumentException e) {
                throw MappingExpression.invalid(expression);
            }
        }
        for (Map.Entry<String, Kind> prefix : PREFIXES.entrySet()) {
            if (expression.startsWith(prefix.getKey())) {
                String rest = expression.substring(prefix.getKey().length());
                if (MappingExpression.isValidName(rest)) {
                    return new MappingSource(prefix.getValue(), rest, null);
                }
            }
        }
        throw MappingExpression.invalid(expression);
    }

    /** Returns the values of this source for a request; empty when it has none. */
    List<String> values(Exchange exchange) {
        switch (kind) {
            case STATIC:
                return List.of(name);
            case PATH:
                return single(exchange.route().pathParameters().get(name));
            case QUERYSTRING:
                return last(exchange.queryParameters().getOrDefault(name, List.of()));
            case MULTIVALUEQUERYSTRING:
                return exchange.queryParameters().getOrDefault(name, List.of());
            case HEADER:
                return last(headerValues(exchange.request().headers()));
            case MULTIVALUEHEADER:
                return headerValues(exchange.request().headers());
            case BODY:
                return List.of(exchange.payload().text());
            case BODY_PATH:
                return exchange.payload()
                        .json()
                        .flatMap(path::read)
                        .map(List::of)
                        .orElse(List.of());
            case STAGE_VARIABLE:
                return single(exchange.stageVariables().get(name));
            case CONTEXT:
                return single(ContextVariables.get(exchange, name));
            default:
                throw new IllegalStateException("unknown mapping source " + kind);
        }
    }

    private List<String> headerValues(Headers headers) {
        return HiddenHeaders.isHidden(name) ? List.of() : headers.values(name);
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<String> last(List<String> values) {
        return values.isEmpty() ? values : List.of(values.get(values.size() - 1));
    }
}
