package dev.apigw.runtime.mapping;

import com.jayway.jsonpath.Configuration;
import java.util.Map;

/**
 * {@code $input} of a mapping template (reference 1.3): the payload as text, JSONPath queries over
 * it, and the request parameters. Public for Velocity's introspection; one per rendering.
 */
public final class Input {
    private final Body body;
    private final Parameters parameters;
    private final JsonPaths paths;
    private final RenderBudget budget;
    private Configuration configuration;

    Input(Body body, Parameters parameters, JsonPaths paths, RenderBudget budget) {
        this.body = body;
        this.parameters = parameters;
        this.paths = paths;
        this.budget = budget;
    }

    /** Returns {@code $input.body}: the raw payload text; {@code {}} for an empty payload. */
    public String getBody() {
        return body.text();
    }

    /**
     * Returns {@code $input.json(x)}: the match of JSONPath {@code x} as JSON text (strings quoted,
     * objects and arrays compact). A path that matches nothing gives {@code null}, as for a JSON
     * {@code null} (our choice: reference 1.3 leaves it unconfirmed).
     */
    public String json(String path) {
        return JsonValues.toJson(match(path));
    }

    /**
     * Returns {@code $input.path(x)}: the match of JSONPath {@code x} as a value to navigate (see
     * {@link JsonValues}); null, which renders as nothing, when the path matches nothing. A copy:
     * changing it leaves the payload as it was for later queries (the matches of a deep scan share
     * their copies, {@link JsonValues#copyShared}).
     */
    public Object path(String path) {
        Object match = match(path);
        return path != null && path.contains("..")
                ? JsonValues.copyShared(match)
                : JsonValues.copy(match);
    }

    /** Returns {@code $input.params()}: {@code path}, {@code querystring}, {@code header}. */
    public Map<String, Map<String, String>> params() {
        return parameters.all();
    }

    /**
     * Returns {@code $input.params(x)}: the value of {@code x} from the path, else the query
     * string, else the headers; empty text when absent.
     */
    public String params(String name) {
        if (name == null) {
            return "";
        }
        String value = parameters.path().get(name);
        if (value == null) {
            value = parameters.querystring().get(name);
        }
        if (value == null) {
            value = parameters.header().get(name);
        }
        return value == null ? "" : value;
    }

    private Object match(String path) {
        if (configuration == null) {
            configuration = BudgetedJsonProvider.configuration(budget);
        }
        return paths.read(body.json(), path == null ? "$" : path, configuration);
    }

    /** Returns empty text: a template printing {@code $input} sees no implementation detail. */
    @Override
    public String toString() {
        return "";
    }
}
