package dev.apigw.runtime.auth;

import dev.apigw.runtime.parameters.MappingExpression;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code identitySource} of a Lambda authorizer (reference 8.3), parsed once when the
 * deployment is compiled: a comma-separated list of {@code method.request.header.X}, {@code
 * method.request.querystring.X}, {@code stageVariables.X} and {@code context.X} (path parameters
 * cannot be identity sources); for an HTTP API authorizer (reference 8.5, 8.6) a list of {@code
 * $request.header.X} (case-insensitive), {@code $request.querystring.X}, {@code $stageVariables.X}
 * and {@code $context.X}. Read per request, a header or query string parameter sent several times
 * gives its last value, as a {@code method.request.header.X} mapping does (reference 5.2).
 * Immutable and thread-safe.
 */
final class IdentitySources {
    /** The kinds of identity source. */
    enum Kind {
        /** {@code method.request.header.X}, {@code $request.header.X}. */
        HEADER("method.request.header.", "$request.header."),
        /** {@code method.request.querystring.X}, {@code $request.querystring.X}. */
        QUERYSTRING("method.request.querystring.", "$request.querystring."),
        /** {@code stageVariables.X}, {@code $stageVariables.X}. */
        STAGE_VARIABLE("stageVariables.", "$stageVariables."),
        /** {@code context.X}: a {@code $context} variable by its dotted path. */
        CONTEXT("context.", "$context.");

        private final String prefix;
        private final String httpPrefix;

        Kind(String prefix, String httpPrefix) {
            this.prefix = prefix;
            this.httpPrefix = httpPrefix;
        }
    }

    /**
     * One identity source.
     *
     * @param kind where the value is read
     * @param name the header, parameter, stage variable or {@code $context} variable
     */
    record Source(Kind kind, String name) {}

    private static final IdentitySources NONE = new IdentitySources(List.of());

    private final List<Source> sources;

    private IdentitySources(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * Parses an {@code identitySource}; null or blank is no source. Fails with {@link
     * IllegalArgumentException} naming the expression that is not an identity source.
     */
    static IdentitySources parse(String identitySource) {
        if (identitySource == null || identitySource.isBlank()) {
            return NONE;
        }
        List<Source> sources = new ArrayList<>();
        for (String part : identitySource.split(",", -1)) {
            sources.add(source(part.strip(), false));
        }
        return new IdentitySources(sources);
    }

    /**
     * Parses the identity sources of an HTTP API authorizer ({@code $request.header.X}, ...). Fails
     * with {@link IllegalArgumentException} naming the expression that is not one.
     */
    static IdentitySources parseHttp(List<String> identitySource) {
        List<Source> sources = new ArrayList<>();
        for (String expression : identitySource) {
            sources.add(source(expression.strip(), true));
        }
        return new IdentitySources(sources);
    }

    private static Source source(String expression, boolean http) {
        for (Kind kind : Kind.values()) {
            String prefix = http ? kind.httpPrefix : kind.prefix;
            if (expression.startsWith(prefix)) {
                String name = expression.substring(prefix.length());
                if (MappingExpression.isValidName(name)) {
                    return new Source(kind, name);
                }
            }
        }
        throw new IllegalArgumentException(
                "Invalid identity source: "
                        + (expression.isEmpty() ? "(empty)" : expression)
                        + (http
                                ? " (expected $request.header.X, $request.querystring.X,"
                                        + " $stageVariables.X or $context.X)"
                                : " (expected method.request.header.X,"
                                        + " method.request.querystring.X, stageVariables.X or"
                                        + " context.X)"));
    }

    /** Returns the sources in the order written. */
    List<Source> sources() {
        return sources;
    }

    /** Returns whether there is no source. */
    boolean isEmpty() {
        return sources.isEmpty();
    }

    /** Returns the value of one source for a request, or null when it has none. */
    static String value(Source source, Exchange exchange) {
        return value(source, exchange, exchange.stageVariables());
    }

    /** Returns the value of one source for a request of a stage with these variables. */
    static String value(Source source, Exchange exchange, Map<String, String> stageVariables) {
        switch (source.kind()) {
            case HEADER:
                return exchange.request().headers().last(source.name()).orElse(null);
            case QUERYSTRING:
                return last(exchange.queryParameters().get(source.name()));
            case STAGE_VARIABLE:
                return stageVariables.get(source.name());
            case CONTEXT:
                return ContextVariables.get(exchange, source.name());
            default:
                throw new IllegalStateException("unknown identity source " + source);
        }
    }

    /**
     * Returns the value of every source for a request, in order, or null when one is missing or
     * empty (reference 8.3: the caller is then unauthorized).
     */
    List<String> values(Exchange exchange) {
        return values(exchange, exchange.stageVariables());
    }

    /**
     * Returns the value of every source for a request of a stage with these variables, in order, or
     * null when one is missing or empty.
     */
    List<String> values(Exchange exchange, Map<String, String> stageVariables) {
        if (sources.size() == 1) {
            String value = value(sources.get(0), exchange, stageVariables);
            return isMissing(value) ? null : List.of(value);
        }
        List<String> values = new ArrayList<>(sources.size());
        for (Source source : sources) {
            String value = value(source, exchange, stageVariables);
            if (isMissing(value)) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static boolean isMissing(String value) {
        return value == null || value.isEmpty();
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    @Override
    public String toString() {
        return Objects.toString(sources);
    }
}
