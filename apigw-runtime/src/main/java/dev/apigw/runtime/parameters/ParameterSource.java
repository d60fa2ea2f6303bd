package dev.apigw.runtime.parameters;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source of one parameter mapping, parsed once when the API is built and read per call: {@code
 * 'static'}, {@code stageVariables.X}, {@code context.X} and, after the side's prefix ({@code
 * method.request.} or {@code integration.response.}), {@code path.X}, {@code querystring.X}, {@code
 * multivaluequerystring.X}, {@code header.X}, {@code multivalueheader.X}, {@code body} and {@code
 * body.JSONPATH} (no {@code $.}; compiled here, read from a body parsed at most once). Which of
 * them a mapping may use, and how a header reads, depends on its {@link Side}. A body field that
 * selects nothing, or a body that is not JSON, has no value. Immutable and thread-safe. Internal.
 */
public final class ParameterSource {
    /** The kinds of source a mapping expression names. */
    public enum Kind {
        /** {@code 'literal'}. */
        STATIC,
        /** {@code <side>path.X}. */
        PATH,
        /** {@code <side>querystring.X}: the last value, or every value joined (HTTP APIs). */
        QUERYSTRING,
        /** {@code <side>multivaluequerystring.X}: every value. */
        MULTIVALUEQUERYSTRING,
        /** {@code <side>header.X}: one value, which one depends on the side. */
        HEADER,
        /** {@code <side>multivalueheader.X}: every value. */
        MULTIVALUEHEADER,
        /** {@code <side>body}: the whole body. */
        BODY,
        /** {@code <side>body.JSONPATH}: a body field. */
        BODY_PATH,
        /** {@code stageVariables.X}. */
        STAGE_VARIABLE,
        /** {@code context.X}: a {@code $context} variable by its dotted path. */
        CONTEXT
    }

    /** Which value of a repeated header a single-value {@code header.X} source takes. */
    public enum HeaderValue {
        /** The first value received. */
        FIRST,
        /** The last value received. */
        LAST,
        /** Every value received, joined with commas (HTTP APIs, reference 5.5). */
        JOINED
    }

    /** The two places a mapping reads from, and what differs between them. */
    public enum Side {
        /**
         * Integration request mappings read the method request (reference 5.2): every kind; a
         * single-value header or query string takes the last value sent (reference 5.2 "last value
         * (unconfirmed)"); headers hidden from integrations ({@link HiddenHeaders}) have no value.
         */
        METHOD_REQUEST("method.request.", EnumSet.allOf(Kind.class), HeaderValue.LAST, true, false),
        /**
         * Method response mappings read the integration response (reference 5.3): no path or query
         * string; a single-value header takes the first value; {@code
         * integration.response.body.errorMessage.<field>} reads into the JSON a Lambda function
         * error's {@code errorMessage} string holds, when it has that field (reference 1.7, T12).
         */
        INTEGRATION_RESPONSE(
                "integration.response.",
                EnumSet.of(
                        Kind.STATIC,
                        Kind.HEADER,
                        Kind.MULTIVALUEHEADER,
                        Kind.BODY,
                        Kind.BODY_PATH,
                        Kind.STAGE_VARIABLE,
                        Kind.CONTEXT),
                HeaderValue.FIRST,
                false,
                true),
        /**
         * HTTP API mappings reading the request (reference 5.5): {@code request.path.X}, {@code
         * request.querystring.X}, {@code request.header.X}, {@code request.body} and its fields,
         * stage and context variables; repeated headers and query parameters give their values
         * joined with commas; no header is hidden.
         */
        HTTP_REQUEST(
                "request.",
                EnumSet.of(
                        Kind.PATH,
                        Kind.QUERYSTRING,
                        Kind.HEADER,
                        Kind.BODY,
                        Kind.BODY_PATH,
                        Kind.STAGE_VARIABLE,
                        Kind.CONTEXT),
                HeaderValue.JOINED,
                false,
                false),
        /**
         * WebSocket integration request mappings reading the route request (reference 5.4): {@code
         * route.request.header.X}, {@code querystring.X} and their multi-value forms (the upgrade
         * request's, on {@code $connect} only), {@code route.request.body} and its fields, stage
         * and context variables; a single-value header or query string takes the last value sent,
         * as on REST's method request; no header is hidden.
         */
        WEBSOCKET_REQUEST(
                "route.request.",
                EnumSet.of(
                        Kind.STATIC,
                        Kind.QUERYSTRING,
                        Kind.MULTIVALUEQUERYSTRING,
                        Kind.HEADER,
                        Kind.MULTIVALUEHEADER,
                        Kind.BODY,
                        Kind.BODY_PATH,
                        Kind.STAGE_VARIABLE,
                        Kind.CONTEXT),
                HeaderValue.LAST,
                false,
                false),
        /**
         * HTTP API response mappings reading the integration's answer (reference 5.5): {@code
         * response.header.X} (values joined with commas), {@code response.body} and its fields,
         * stage and context variables.
         */
        HTTP_RESPONSE(
                "response.",
                EnumSet.of(
                        Kind.HEADER, Kind.BODY, Kind.BODY_PATH, Kind.STAGE_VARIABLE, Kind.CONTEXT),
                HeaderValue.JOINED,
                false,
                false);

        private final String prefix;
        private final Set<Kind> kinds;
        private final HeaderValue headerValue;
        private final boolean hidesHeaders;
        private final boolean readsErrorMessage;
        private final Map<String, Kind> namedPrefixes;

        Side(
                String prefix,
                Set<Kind> kinds,
                HeaderValue headerValue,
                boolean hidesHeaders,
                boolean readsErrorMessage) {
            this.prefix = prefix;
            this.kinds = Set.copyOf(kinds);
            this.headerValue = headerValue;
            this.hidesHeaders = hidesHeaders;
            this.readsErrorMessage = readsErrorMessage;
            Map<String, Kind> named = new LinkedHashMap<>();
            putIfAllowed(named, prefix + "path.", Kind.PATH);
            putIfAllowed(named, prefix + "querystring.", Kind.QUERYSTRING);
            putIfAllowed(named, prefix + "multivaluequerystring.", Kind.MULTIVALUEQUERYSTRING);
            putIfAllowed(named, prefix + "header.", Kind.HEADER);
            putIfAllowed(named, prefix + "multivalueheader.", Kind.MULTIVALUEHEADER);
            putIfAllowed(named, "stageVariables.", Kind.STAGE_VARIABLE);
            putIfAllowed(named, "context.", Kind.CONTEXT);
            this.namedPrefixes = Map.copyOf(named);
        }

        private void putIfAllowed(Map<String, Kind> named, String namePrefix, Kind kind) {
            if (kinds.contains(kind)) {
                named.put(namePrefix, kind);
            }
        }

        /** Returns the prefix of this side's request or response sources. */
        public String prefix() {
            return prefix;
        }

        /** Returns whether a mapping on this side may use a kind of source. */
        public boolean allows(Kind kind) {
            return kinds.contains(kind);
        }

        /** Returns which value a single-value header source takes. */
        public HeaderValue headerValue() {
            return headerValue;
        }

        /** Returns whether headers hidden from integrations have no value on this side. */
        public boolean hidesHeaders() {
            return hidesHeaders;
        }

        /** Returns whether a body field under {@code errorMessage.} reads into its JSON first. */
        public boolean readsErrorMessage() {
            return readsErrorMessage;
        }
    }

    private static final String ERROR_MESSAGE = "errorMessage.";

    private final Side side;
    private final Kind kind;
    private final String name;
    private final BodyPath path;
    private final BodyPath insideErrorMessage;

    private ParameterSource(
            Side side, Kind kind, String name, BodyPath path, BodyPath insideErrorMessage) {
        this.side = side;
        this.kind = kind;
        this.name = name;
        this.path = path;
        this.insideErrorMessage = insideErrorMessage;
    }

    /**
     * Parses the source of a mapping on one side; fails with AWS's text ({@link
     * MappingExpression#invalid}) when it is not one that side allows.
     */
    public static ParameterSource parse(String expression, Side side) {
        if (MappingExpression.isStatic(expression)) {
            return new ParameterSource(
                    side, Kind.STATIC, MappingExpression.staticValue(expression), null, null);
        }
        String body = side.prefix() + "body";
        if (expression.equals(body)) {
            return new ParameterSource(side, Kind.BODY, "", null, null);
        }
        if (expression.startsWith(body + ".")) {
            return bodyPath(expression, expression.substring(body.length() + 1), side);
        }
        for (Map.Entry<String, Kind> prefix : side.namedPrefixes.entrySet()) {
            if (expression.startsWith(prefix.getKey())) {
                String rest = expression.substring(prefix.getKey().length());
                if (MappingExpression.isValidName(rest)) {
                    return new ParameterSource(side, prefix.getValue(), rest, null, null);
                }
            }
        }
        throw MappingExpression.invalid(expression);
    }

    private static ParameterSource bodyPath(String expression, String field, Side side) {
        try {
            BodyPath inside =
                    side.readsErrorMessage() && field.startsWith(ERROR_MESSAGE)
                            ? BodyPath.compile(field.substring(ERROR_MESSAGE.length()))
                            : null;
            return new ParameterSource(
                    side, Kind.BODY_PATH, field, BodyPath.compile(field), inside);
        } catch (IllegalArgumentException e) {
            throw MappingExpression.invalid(expression);
        }
    }

    /** Returns the kind of this source. */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the values of this source for one call, in order; empty when it has none. Only the
     * multi-value kinds give more than one.
     */
    public List<String> values(ParameterInput input) {
        switch (kind) {
            case STATIC:
                return List.of(name);
            case PATH:
                return single(input.pathParameter(name));
            case QUERYSTRING:
                return repeated(input.queryValues(name));
            case MULTIVALUEQUERYSTRING:
                return input.queryValues(name);
            case HEADER:
                List<String> values = headerValues(input);
                return side.headerValue() == HeaderValue.FIRST ? first(values) : repeated(values);
            case MULTIVALUEHEADER:
                return headerValues(input);
            case BODY:
                return List.of(input.body());
            case BODY_PATH:
                return single(bodyField(input));
            case STAGE_VARIABLE:
                return single(input.stageVariable(name));
            case CONTEXT:
                return single(input.contextVariable(name));
            default:
                throw new IllegalStateException("unknown parameter source " + kind);
        }
    }

    private Optional<String> bodyField(ParameterInput input) {
        if (insideErrorMessage != null) {
            Optional<String> inside = input.errorMessage().flatMap(insideErrorMessage::read);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return input.bodyJson().flatMap(path::read);
    }

    private List<String> headerValues(ParameterInput input) {
        return side.hidesHeaders() && HiddenHeaders.isHidden(name)
                ? List.of()
                : input.headerValues(name);
    }

    /** Returns the values a single-value source gives: the last one, or all joined. */
    private List<String> repeated(List<String> values) {
        if (values.size() <= 1) {
            return values;
        }
        return side.headerValue() == HeaderValue.JOINED
                ? List.of(String.join(",", values))
                : last(values);
    }

    private static List<String> single(Optional<String> value) {
        return value.isPresent() ? List.of(value.get()) : List.of();
    }

    private static List<String> first(List<String> values) {
        return values.size() <= 1 ? values : List.of(values.get(0));
    }

    private static List<String> last(List<String> values) {
        return values.size() <= 1 ? values : List.of(values.get(values.size() - 1));
    }

    /** Returns the expression's kind and name, for diagnostics. */
    @Override
    public String toString() {
        return side + " " + kind + " " + name;
    }
}
