package dev.apigw.model.openapi;

/** Small OpenAPI documents for the import tests. */
final class Docs {
    private Docs() {}

    /** Returns an OpenAPI 3.0 YAML document titled {@code title} with the given body. */
    static String oas3(String title, String body) {
        return "openapi: 3.0.1\ninfo:\n  title: " + title + "\n  version: '1'\n" + body;
    }

    /** Returns an OpenAPI 3.0 YAML document with one operation at a path. */
    static String operation(String path, String method, String operationBody) {
        return oas3(
                "Ops", "paths:\n  " + path + ":\n    " + method + ":\n" + operationBody.indent(6));
    }

    /** Returns a MOCK integration of an operation, indented for {@link #operation}. */
    static String mock() {
        return "responses: {'200': {description: ok}}\n"
                + "x-amazon-apigateway-integration: {type: mock, responses: {default:"
                + " {statusCode: '200'}}}\n";
    }

    static ImportResult importYaml(String yaml) {
        return OpenApiImporter.create().importText(yaml);
    }

    static ImportResult importYaml(String yaml, ImportOptions options) {
        return OpenApiImporter.create(options).importText(yaml);
    }
}
