package dev.apigw.model.openapi;

/**
 * How an export is serialized: GetExport's {@code Accept} header, {@code application/json} or
 * {@code application/yaml} (reference section 4.4).
 */
public enum ExportMediaType {
    /** Pretty-printed JSON. */
    JSON("application/json"),
    /** YAML. */
    YAML("application/yaml");

    private final String mediaType;

    ExportMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** Returns the media type AWS's {@code Accept} header names. */
    public String mediaType() {
        return mediaType;
    }
}
