package dev.apigw.model.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.RestApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The state of one import: the document, its version, the options and the warnings. */
final class ImportContext {
    private final Node root;
    private final boolean swagger2;
    private final ImportOptions options;
    private final String apiName;
    private final String restApiId;
    private final Placeholders placeholders;
    private final List<ImportWarning> warnings = new ArrayList<>();

    ImportContext(JsonNode document, boolean swagger2, ImportOptions options, String apiName) {
        this.root = new Node(document, "");
        this.swagger2 = swagger2;
        this.options = options;
        this.apiName = apiName;
        this.restApiId = RestApi.builder().name(apiName).build().id();
        this.placeholders = new Placeholders(this);
    }

    /**
     * Returns the context of a document, named by its required {@code info.title} (unresolved
     * placeholders in it are kept with a warning).
     */
    static ImportContext of(JsonNode document, boolean swagger2, ImportOptions options) {
        Node title = new Node(document, "").get("info").get("title");
        ImportContext probe = new ImportContext(document, swagger2, options, "probe");
        String name = probe.requiredText(title, Placeholders.Field.DESCRIBE, "title");
        return new ImportContext(document, swagger2, options, name);
    }

    /** Returns the API's name, {@code info.title}. */
    String apiName() {
        return apiName;
    }

    /** Fails with every warning when the options say {@code failOnWarnings} (reference 4.3). */
    void checkWarnings() {
        if (options.failOnWarnings() && !warnings.isEmpty()) {
            throw new OpenApiImportException(
                    warnings.get(0).pointer(),
                    "Warnings found during import: "
                            + warnings.stream()
                                    .map(ImportWarning::toString)
                                    .collect(Collectors.joining("; ")));
        }
    }

    Node root() {
        return root;
    }

    boolean swagger2() {
        return swagger2;
    }

    ImportOptions options() {
        return options;
    }

    String restApiId() {
        return restApiId;
    }

    List<ImportWarning> warnings() {
        return warnings;
    }

    void warn(Node at, String message) {
        warnings.add(new ImportWarning(at.pointer(), message));
    }

    static OpenApiImportException fail(Node at, String message) {
        return new OpenApiImportException(at.pointer(), message);
    }

    /** Returns the text of a scalar field with placeholders resolved; empty when missing. */
    String text(Node node, Placeholders.Field field) {
        return placeholders.resolve(node, field);
    }

    /** Returns the text of a field, or fails naming it when missing. */
    String requiredText(Node node, Placeholders.Field field, String what) {
        String value = text(node, field);
        if (value.isEmpty()) {
            throw fail(node, what + " is required");
        }
        return value;
    }

    Placeholders placeholders() {
        return placeholders;
    }

    /** Follows local {@code $ref}s to the node they name; fails on a ref to nothing. */
    Node deref(Node node) {
        Node current = node;
        Set<String> seen = new HashSet<>();
        while (current.json().isObject() && current.json().has("$ref")) {
            Node ref = current.get("$ref");
            String target = ref.json().asText();
            if (!seen.add(target)) {
                throw fail(ref, "$ref '" + target + "' refers to itself");
            }
            current = lookup(ref, target);
        }
        return current;
    }

    /** Returns the node a local ref ({@code #/a/b}) names, or fails naming the ref. */
    Node lookup(Node ref, String target) {
        if (!target.startsWith("#")) {
            throw fail(
                    ref,
                    "external $ref '"
                            + target
                            + "' is not supported; only refs within"
                            + " the document (#/...)");
        }
        String pointer = target.substring(1);
        JsonNode found;
        try {
            found = root.json().at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            throw fail(ref, "$ref '" + target + "' is not a valid JSON pointer");
        }
        if (found.isMissingNode()) {
            throw fail(ref, "$ref '" + target + "' points to nothing");
        }
        return new Node(found, pointer);
    }

    /** Parses an enum value case-insensitively, failing with AWS's enum message. */
    <E extends Enum<E>> E enumValue(Node node, Class<E> type, String field) {
        String value = text(node, Placeholders.Field.SERVE);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw fail(
                    node,
                    "1 validation error detected: Value '"
                            + value
                            + "' at '"
                            + field
                            + "' failed to satisfy constraint: Member must satisfy enum value set: "
                            + names);
        }
    }
}
