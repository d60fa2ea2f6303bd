package dev.apigw.runtime.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Evaluates the JSONPath expressions of {@code $input.path} and {@code $input.json} (reference
 * 1.1: Jayway JsonPath over Jackson trees). Compiled paths are kept in a small bounded cache
 * owned by one {@link TemplateEngine}, so that a template's static paths compile once; once the
 * cache is full, further paths compile per call. Thread-safe.
 */
final class JsonPaths {
    /** The most compiled paths kept. */
    static final int CACHE_SIZE = 512;

    private final Configuration configuration = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JsonValues.JSON))
            .mappingProvider(new JacksonMappingProvider(JsonValues.JSON))
            .build();
    private final ConcurrentMap<String, JsonPath> compiled = new ConcurrentHashMap<>();

    /**
     * Returns the match of {@code path} in {@code root}, or empty when the path matches nothing.
     * A path that does not parse throws {@link com.jayway.jsonpath.InvalidPathException}.
     */
    Optional<JsonNode> read(JsonNode root, String path) {
        if (path.equals("$")) {
            return Optional.of(root);
        }
        JsonPath jsonPath = compile(path);
        try {
            Object match = jsonPath.read(root, configuration);
            return match instanceof JsonNode ? Optional.of((JsonNode) match)
                    : Optional.ofNullable(match).map(JsonValues.JSON::valueToTree);
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
    }

    private JsonPath compile(String path) {
        JsonPath cached = compiled.get(path);
        if (cached != null) {
            return cached;
        }
        JsonPath fresh = JsonPath.compile(path);
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
