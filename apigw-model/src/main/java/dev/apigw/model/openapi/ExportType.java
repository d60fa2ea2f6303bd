package dev.apigw.model.openapi;

/** The document an export writes: GetExport's {@code exportType} (reference section 4.4). */
public enum ExportType {
    /** OpenAPI 3.0: {@code "openapi": "3.0.1"}, models under {@code components.schemas}. */
    OAS30("oas30"),
    /** Swagger 2.0: {@code "swagger": "2.0"}, models under {@code definitions}. */
    SWAGGER("swagger");

    private final String value;

    ExportType(String value) {
        this.value = value;
    }

    /** Returns AWS's path value for this type: {@code oas30} or {@code swagger}. */
    public String value() {
        return value;
    }
}
