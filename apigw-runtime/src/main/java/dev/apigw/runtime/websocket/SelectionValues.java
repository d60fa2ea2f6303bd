package dev.apigw.runtime.websocket;

import dev.apigw.model.SelectionExpression;
import java.util.function.Function;

/**
 * Evaluates the selection expressions of a route's integration on one call (reference 7.3): a
 * template selection expression reads {@code request.body.PATH} of the message; an integration
 * response's and the integration's response selection expressions also read {@code
 * integration.response.statuscode}, {@code integration.response.header.NAME} (first value, any
 * casing) and {@code integration.response.multivalueheader.NAME} (values joined with commas). A
 * missing value, a message that is not JSON and any other variable give {@code ""}.
 */
final class SelectionValues {
    private static final String HEADER = "integration.response.header.";
    private static final String MULTI_HEADER = "integration.response.multivalueheader.";

    private SelectionValues() {}

    /** Returns the value of {@code expression} on the request alone. */
    static String onRequest(SelectionExpression expression, RouteRequest request) {
        return expression.evaluate(body(request));
    }

    /** Returns the value of {@code expression} on the request and the backend's answer. */
    static String onResponse(
            SelectionExpression expression, RouteRequest request, IntegrationCall.Answer answer) {
        Function<String, String> body = body(request);
        return expression.evaluate(
                name -> {
                    if (name.equals("integration.response.statuscode")) {
                        return Integer.toString(answer.statusCode());
                    }
                    if (name.startsWith(HEADER)) {
                        return answer.headers().first(name.substring(HEADER.length())).orElse("");
                    }
                    if (name.startsWith(MULTI_HEADER)) {
                        return String.join(
                                ",",
                                answer.headers().values(name.substring(MULTI_HEADER.length())));
                    }
                    return body.apply(name);
                });
    }

    /**
     * Returns the lookup of {@code request.body} variables on the message's JSON, parsed once per
     * message ({@link MessageJson}) and only when a variable reads it.
     */
    private static Function<String, String> body(RouteRequest request) {
        return name ->
                request.json().get().map(node -> RouteSelector.bodyValue(node, name)).orElse("");
    }
}
