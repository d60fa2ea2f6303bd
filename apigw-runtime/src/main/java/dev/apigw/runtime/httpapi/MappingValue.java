package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.parameters.MappingExpression;
import dev.apigw.runtime.parameters.ParameterSource;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The value of an HTTP API parameter mapping (reference 5.5), compiled once when the API is built
 * and evaluated per call: static text, one variable ({@code $request.header.X}) or text with
 * variables in braces ({@code ${request.path.name} ${request.path.id}}). Variables: {@code
 * request.header.X} (case-insensitive name, repeated values joined with commas), {@code
 * request.querystring.X} (case-sensitive, joined likewise), {@code request.body}, {@code
 * request.body.<jsonpath>} (no {@code ..} nor filters; the body truncated to 100 KB first), {@code
 * request.path} (without the stage), {@code request.path.X}, {@code context.X} (only {@code .} and
 * {@code _} besides letters and digits), {@code stageVariables.X}, and on the response side {@code
 * response.header.X}, {@code response.body} and {@code response.body.<jsonpath>}. A variable
 * without a value reads as empty text; a value is cut at 10 MB (see docs/differences.md). The
 * sources themselves are the REST mappings' ({@link ParameterSource}, sides {@code HTTP_REQUEST}
 * and {@code HTTP_RESPONSE}). Immutable and thread-safe.
 */
public final class MappingValue {
    /** The longest value an expression gives, in characters (the payload limit, reference 9.5). */
    static final int MAX_VALUE_CHARS = 10 * 1024 * 1024;

    private static final Pattern CONTEXT_NAME = Pattern.compile("[A-Za-z0-9._]+");
    private static final List<String> VARIABLE_PREFIXES =
            List.of("$request.", "$response.", "$context.", "$stageVariables.");

    /** One piece of an expression. */
    private sealed interface Part permits Text, Source, RequestPath {}

    private record Text(String text) implements Part {}

    private record Source(ParameterSource source, boolean response) implements Part {}

    private record RequestPath() implements Part {}

    private final String expression;
    private final List<Part> parts;
    private final boolean readsRequest;
    private final boolean readsResponse;

    private MappingValue(String expression, List<Part> parts) {
        this.expression = expression;
        this.parts = List.copyOf(parts);
        this.readsResponse = parts.stream().anyMatch(p -> p instanceof Source s && s.response());
        this.readsRequest =
                parts.stream()
                        .anyMatch(
                                p ->
                                        p instanceof RequestPath
                                                || p instanceof Source s
                                                        && !s.response()
                                                        && s.source().kind()
                                                                != ParameterSource.Kind
                                                                        .STAGE_VARIABLE
                                                        && s.source().kind()
                                                                != ParameterSource.Kind.CONTEXT);
    }

    /**
     * Compiles a mapping value; fails with {@link IllegalArgumentException} naming the expression
     * ({@link MappingExpression#invalid}, AWS's text) when it does not parse.
     */
    public static MappingValue compile(String expression) {
        Objects.requireNonNull(expression, "mapping value");
        if (isSingleVariable(expression)) {
            return new MappingValue(
                    expression, List.of(variable(expression.substring(1), expression)));
        }
        List<Part> parts = new ArrayList<>();
        int copied = 0;
        int open;
        while ((open = expression.indexOf("${", copied)) >= 0) {
            int close = expression.indexOf('}', open + 2);
            if (close < 0) {
                throw MappingExpression.invalid(expression);
            }
            if (open > copied) {
                parts.add(new Text(expression.substring(copied, open)));
            }
            parts.add(variable(expression.substring(open + 2, close), expression));
            copied = close + 1;
        }
        if (copied < expression.length()) {
            parts.add(new Text(expression.substring(copied)));
        }
        return new MappingValue(expression, parts);
    }

    private static boolean isSingleVariable(String expression) {
        if (expression.equals("$request.path")
                || expression.equals("$request.body")
                || expression.equals("$response.body")) {
            return true;
        }
        return VARIABLE_PREFIXES.stream().anyMatch(expression::startsWith);
    }

    private static Part variable(String name, String expression) {
        if (name.equals("request.path")) {
            return new RequestPath();
        }
        if (name.startsWith("context.")
                && !CONTEXT_NAME.matcher(name.substring("context.".length())).matches()) {
            throw MappingExpression.invalid(expression);
        }
        boolean response = name.startsWith("response.");
        String body = response ? "response.body." : "request.body.";
        if (name.startsWith(body)) {
            String path = name.substring(body.length());
            if (path.contains("..") || path.indexOf('?') >= 0) {
                throw MappingExpression.invalid(expression);
            }
        }
        try {
            return new Source(
                    ParameterSource.parse(
                            name,
                            response
                                    ? ParameterSource.Side.HTTP_RESPONSE
                                    : ParameterSource.Side.HTTP_REQUEST),
                    response);
        } catch (RuntimeException e) {
            // Jayway's path compiler may fail in other ways than JsonPathException on odd input.
            IllegalArgumentException invalid = MappingExpression.invalid(expression);
            invalid.addSuppressed(e);
            throw invalid;
        }
    }

    /** Returns the value for the request of {@code exchange}; response variables read empty. */
    public String evaluate(Exchange exchange) {
        return evaluate(MappingInput.request(exchange));
    }

    /**
     * Returns the value for the integration's answer {@code response} to {@code exchange}: {@code
     * $response.*} read the answer; request variables read empty.
     */
    public String evaluate(Exchange exchange, Response response) {
        return evaluate(MappingInput.response(exchange, response));
    }

    /** Returns the value read from {@code input}, shared by the mappings of one call. */
    String evaluate(MappingInput input) {
        if (parts.size() == 1 && parts.get(0) instanceof Text text) {
            return text.text();
        }
        StringBuilder value = new StringBuilder();
        for (Part part : parts) {
            String piece = piece(part, input);
            int room = MAX_VALUE_CHARS - value.length();
            value.append(piece, 0, Math.min(piece.length(), room));
        }
        return value.toString();
    }

    private static String piece(Part part, MappingInput input) {
        if (part instanceof Text text) {
            return text.text();
        }
        if (part instanceof RequestPath) {
            return input.isResponse() ? "" : input.requestPath();
        }
        Source source = (Source) part;
        if (source.response() != input.isResponse()
                && source.source().kind() != ParameterSource.Kind.STAGE_VARIABLE
                && source.source().kind() != ParameterSource.Kind.CONTEXT) {
            return "";
        }
        List<String> values = source.source().values(input);
        return values.isEmpty() ? "" : values.get(0);
    }

    /** Returns whether the value reads the request ({@code $request.*}). */
    public boolean readsRequest() {
        return readsRequest;
    }

    /** Returns whether the value reads the integration's answer ({@code $response.*}). */
    public boolean readsResponse() {
        return readsResponse;
    }

    /** Returns the expression as written. */
    @Override
    public String toString() {
        return expression;
    }
}
