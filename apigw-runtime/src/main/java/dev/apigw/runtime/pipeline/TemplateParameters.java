package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.mapping.Parameters;
import dev.apigw.runtime.parameters.HiddenHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code $input.params} of one request's templates (reference 1.3), built on first use and then
 * shared by its request and response templates: the last value of each query parameter, the headers
 * API Gateway does not hide, and the matched route's path parameters (built again only if a later
 * exchange carries other path parameters). Belongs to one request: not thread-safe.
 */
public final class TemplateParameters {
    private final Request request;
    private final Map<String, List<String>> query;
    private Map<String, String> path;
    private Parameters parameters;

    TemplateParameters(Request request, Map<String, List<String>> query) {
        this.request = request;
        this.query = query;
    }

    /** Returns the parameters with these path parameters. */
    public Parameters with(Map<String, String> pathParameters) {
        if (parameters == null || path != pathParameters) {
            path = pathParameters;
            parameters = build(pathParameters);
        }
        return parameters;
    }

    private Parameters build(Map<String, String> pathParameters) {
        Map<String, String> querystring = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            querystring.put(e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Headers h = request.headers();
        for (int i = 0; i < h.size(); i++) {
            if (!HiddenHeaders.isHidden(h.name(i))) {
                headers.put(h.name(i), h.value(i));
            }
        }
        return new Parameters(pathParameters, querystring, headers);
    }
}
