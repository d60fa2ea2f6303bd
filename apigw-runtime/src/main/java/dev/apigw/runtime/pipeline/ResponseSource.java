package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source of one method response header mapping (reference 5.3), parsed once when the API is
 * built. Immutable and thread-safe.
 */
final class ResponseSource {
    private enum Kind {
        STATIC,
        HEADER,
        MULTIVALUE_HEADER,
        BODY,
        BODY_PATH,
        STAGE_VARIABLE,
        CONTEXT
    }

    private static final String BODY = "integration.response.body";
    private static final String ERROR_MESSAGE = "errorMessage.";
    private static final Map<String, Kind> PREFIXES =
            Map.of(
                    "integration.response.header.", Kind.HEADER,
                    "integration.response.multivalueheader.", Kind.MULTIVALUE_HEADER,
                    "stageVariables.", Kind.STAGE_VARIABLE,
                    "context.", Kind.CONTEXT);

    private final Kind kind;
    private final String name;
    private final BodyPath path;
    private final BodyPath insideErrorMessage;

    private ResponseSource(Kind kind, String name, BodyPath path, BodyPath insideErrorMessage) {
        this.kind = kind;
        this.name = name;
        this.path = path;
        this.insideErrorMessage = insideErrorMessage;
    }

    private static ResponseSource of(Kind kind, String name) {
        return new ResponseSource(kind, name, null, null);
    }

    /** Parses a source; fails with AWS's text when it is not one. */
    static ResponseSource parse(String expression) {
        if (MappingExpression.isStatic(expression)) {
            return of(Kind.STATIC, MappingExpression.staticValue(expression));
        }
        if (expression.equals(BODY)) {
            return of(Kind.BODY, "");
        }
        if (expression.startsWith(BODY + ".")) {
            String field = expression.substring(BODY.length() + 1);
            try {
                BodyPath inside =
                        field.startsWith(ERROR_MESSAGE)
                                ? BodyPath.compile(field.substring(ERROR_MESSAGE.length()))
                                : null;
                return new ResponseSource(Kind.BODY_PATH, field, BodyPath.compile(field), inside);
            } catch (IllegalArgumentException e) {
                throw MappingExpression.invalid(expression);
            }
        }
        for (Map.Entry<String, Kind> prefix : PREFIXES.entrySet()) {
            if (expression.startsWith(prefix.getKey())) {
                String rest = expression.substring(prefix.getKey().length());
                if (MappingExpression.isValidName(rest)) {
                    return of(prefix.getValue(), rest);
                }
            }
        }
        throw MappingExpression.invalid(expression);
    }

    /** Returns this source's value for one endpoint response; empty when it has none. */
    Optional<String> value(Response endpoint, EndpointBody body, Exchange exchange) {
        switch (kind) {
            case STATIC:
                return Optional.of(name);
            case HEADER:
                return endpoint.headers().first(name);
            case MULTIVALUE_HEADER:
                List<String> values = endpoint.headers().values(name);
                return values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
            case BODY:
                return Optional.of(endpoint.bodyAsString());
            case BODY_PATH:
                if (insideErrorMessage != null) {
                    Optional<String> inside = body.errorMessage().flatMap(insideErrorMessage::read);
                    if (inside.isPresent()) {
                        return inside;
                    }
                }
                return body.json().flatMap(path::read);
            case STAGE_VARIABLE:
                return Optional.ofNullable(exchange.stageVariables().get(name));
            case CONTEXT:
                return Optional.ofNullable(ContextVariables.get(exchange, name));
            default:
                throw new IllegalStateException("unknown response mapping source " + kind);
        }
    }
}
