package dev.apigw.runtime.mapping;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Evaluates the JSONPath expressions of {@code $input.path} and {@code $input.json} (reference 1.1:
 * Jayway JsonPath, here over the parsed template values, {@link ValueJsonProvider}), within the
 * rendering's budget ({@link BudgetedJsonProvider}, {@link BoundedJsonPath}). Compiled paths are
 * kept in a small bounded cache owned by one {@link TemplateEngine}, so that a template's static
 * paths compile once; once the cache is full, further paths compile per call. Thread-safe.
 */
final class JsonPaths {
    /** The most compiled paths kept. */
    static final int CACHE_SIZE = 512;

    private final ConcurrentMap<String, JsonPath> compiled = new ConcurrentHashMap<>();

    /**
     * Returns the match of {@code path} in {@code root} (shared with the parsed payload: do not
     * change it), or null when the path matches nothing or JSON {@code null}, reading within the
     * rendering's budget ({@code configuration}, {@link BudgetedJsonProvider#configuration}). A
     * path that does not parse throws {@link com.jayway.jsonpath.InvalidPathException}.
     */
    Object read(Object root, String path, Configuration configuration) {
        if (path.equals("$")) {
            return root;
        }
        JsonPath jsonPath = compile(path);
        try {
            return jsonPath.read(root, configuration);
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    private JsonPath compile(String path) {
        JsonPath cached = compiled.get(path);
        if (cached != null) {
            return cached;
        }
        JsonPath fresh = BoundedJsonPath.compile(path);
        if (compiled.size() < CACHE_SIZE) {
            compiled.putIfAbsent(path, fresh);
        }
        return fresh;
    }

    /** Returns how many compiled paths are cached. */
    int cached() {
        return compiled.size();
    }
}
