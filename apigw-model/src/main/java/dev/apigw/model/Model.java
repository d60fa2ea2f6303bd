package dev.apigw.model;

/**
 * A data model: a JSON Schema (draft 4) for a content type, referenced by name from request and
 * response models.
 *
 * @param name alphanumeric model name
 * @param contentType the content type, usually {@code application/json}
 * @param schema the JSON Schema text
 * @param description a description, empty when none
 */
public record Model(String name, String contentType, String schema, String description) {
    /** Validates the fields. */
    public Model {
        Checks.requireText(name, "model name");
        Checks.requireText(contentType, "model " + name + " contentType");
        Checks.requireText(schema, "model " + name + " schema");
        description = description == null ? "" : description;
    }

    /** Returns an {@code application/json} model without description. */
    public static Model json(String name, String schema) {
        return new Model(name, "application/json", schema, "");
    }
}
