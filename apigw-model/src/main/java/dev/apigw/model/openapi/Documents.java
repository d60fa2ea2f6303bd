package dev.apigw.model.openapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.model.template.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an OpenAPI definition, JSON or YAML, into a JSON tree; both importers use it. */
final class Documents {
    private static final ObjectMapper YAML = new YAMLMapper();

    private Documents() {}

    /** Returns the bytes of a definition file. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Returns the tree of an object definition, or fails naming where it does not parse. */
    static JsonNode object(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new OpenApiImportException(
                    "", "Invalid OpenAPI input: the document is not a JSON or YAML object");
        }
        return document;
    }

    /** Parses JSON (when the text starts with '{') or YAML; fails naming line and column. */
    static JsonNode parse(byte[] bytes) {
        int first = 0;
        while (first < bytes.length && Character.isWhitespace(bytes[first])) {
            first++;
        }
        boolean json = first < bytes.length && bytes[first] == '{';
        try {
            return object(json ? Models.JSON.readTree(bytes) : YamlTree.read(YAML, bytes));
        } catch (IllegalArgumentException e) {
            throw new OpenApiImportException("", "Invalid OpenAPI input: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new OpenApiImportException(
                    "",
                    "Invalid OpenAPI input: "
                            + e.getOriginalMessage()
                            + (at == null
                                    ? ""
                                    : " (line "
                                            + at.getLineNr()
                                            + ", column "
                                            + at.getColumnNr()
                                            + ")"),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
