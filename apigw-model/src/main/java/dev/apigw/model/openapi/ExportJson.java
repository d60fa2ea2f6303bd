package dev.apigw.model.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Optional;

/**
 * The export's shared Jackson mappers, configured once and never changed, and the parsing of the
 * JSON texts the model holds (model schemas, the resource policy).
 */
final class ExportJson {
    /** Reads model schemas and policies; writes JSON exports. */
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Writes YAML exports. */
    static final ObjectMapper YAML = YAMLMapper.builder().build();

    private ExportJson() {}

    /** Returns the JSON value of a text; absent when the text is not JSON. */
    static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Returns a document as text in the media type asked for. */
    static String write(JsonNode document, ExportMediaType mediaType) {
        ObjectMapper mapper = mediaType == ExportMediaType.YAML ? YAML : JSON;
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an export tree as " + mediaType, e);
        }
    }
}
