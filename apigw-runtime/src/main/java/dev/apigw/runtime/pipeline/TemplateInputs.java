package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.mapping.Input;
import dev.apigw.runtime.mapping.TemplateVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the variables of a request's mapping templates from its exchange. Internal. */
public final class TemplateInputs {
    private TemplateInputs() {}

    /** Returns the variables for a template over {@code body}. */
    public static TemplateVariables of(Exchange exchange, String body) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : exchange.queryParameters().entrySet()) {
            query.put(e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Headers h = exchange.request().headers();
        for (int i = 0; i < h.size(); i++) {
            if (!HiddenHeaders.isHidden(h.name(i))) {
                headers.put(h.name(i), h.value(i));
            }
        }
        Map<String, String> path = exchange.matchedRoute()
                .map(r -> r.pathParameters()).orElse(Map.of());
        return new TemplateVariables(new Input(body, path, query, headers),
                ContextVariables.asMap(exchange), exchange.stageVariables());
    }
}
