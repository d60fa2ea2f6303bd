package dev.apigw.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shape of a JSON event: every field path ({@code requestContext.http.method}, {@code
 * cookies.[]}) with its JSON type, the keys of free-form maps written {@code *}. Two events have
 * the same shape when they have the same fields, nesting and types.
 */
final class EventShapes {
    /** The events AWS sent, beside the repository ({@code shared/corpus}). */
    static final Path CORPUS = Path.of("../../shared/corpus/events/aws-lambda-go");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventShapes() {}

    /**
     * Returns the corpus sample {@code name}; skips the calling test with one line when the corpus
     * is not beside the repository.
     */
    static JsonNode sample(String name) throws IOException {
        Path sample = CORPUS.resolve(name);
        assumeTrue(
                Files.isRegularFile(sample),
                "../shared/corpus not found: corpus tests skipped (CI has it)");
        return JSON.readTree(sample.toFile());
    }

    /** Returns the shape of {@code event}, the objects at the paths in {@code maps} as maps. */
    static Map<String, JsonNodeType> shape(JsonNode event, Set<String> maps) {
        Map<String, JsonNodeType> paths = new TreeMap<>();
        collect("", event, maps, paths);
        return paths;
    }

    private static void collect(
            String path, JsonNode node, Set<String> maps, Map<String, JsonNodeType> paths) {
        if (!path.isEmpty()) {
            paths.put(path, node.getNodeType());
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        if (node.isObject()) {
            boolean map = maps.contains(path);
            node.properties()
                    .forEach(
                            e ->
                                    collect(
                                            prefix + (map ? "*" : e.getKey()),
                                            e.getValue(),
                                            maps,
                                            paths));
        } else if (node.isArray()) {
            node.forEach(element -> collect(prefix + "[]", element, maps, paths));
        }
    }
}
