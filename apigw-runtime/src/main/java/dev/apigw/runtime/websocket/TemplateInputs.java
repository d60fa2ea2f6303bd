package dev.apigw.runtime.websocket;

import dev.apigw.runtime.mapping.Body;
import dev.apigw.runtime.mapping.Overrides;
import dev.apigw.runtime.mapping.Parameters;
import dev.apigw.runtime.mapping.TemplateVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of a WebSocket route's mapping templates (reference 1.2, 1.3, 1.5): {@code $input}
 * over a payload (the message in a request template, the backend's answer in a response template),
 * {@code $input.params()} with the upgrade's query string and headers on {@code $connect} (last
 * values) and nothing on other routes, {@code $context} of {@link RouteContext}, {@code
 * $stageVariables}. Overrides of {@code $context.requestOverride} are accepted and not applied.
 */
final class TemplateInputs {
    private TemplateInputs() {}

    static TemplateVariables of(
            String payload,
            RouteRequest request,
            Map<String, Object> context,
            Map<String, String> stageVariables) {
        Parameters parameters =
                request.isConnect()
                        ? new Parameters(
                                Map.of(),
                                last(request.connection().queryParameters()),
                                last(request.connection().headers()))
                        : Parameters.none();
        return new TemplateVariables(
                Body.of(payload), parameters, context, stageVariables, new Overrides());
    }

    private static Map<String, String> last(Map<String, List<String>> values) {
        Map<String, String> last = new LinkedHashMap<>();
        values.forEach(
                (name, list) -> {
                    if (!list.isEmpty()) {
                        last.put(name, list.get(list.size() - 1));
                    }
                });
        return last;
    }
}
