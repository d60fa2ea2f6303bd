package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.RestApi;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code paths}: one path item per resource with methods, one operation per method, {@code
 * ANY} as {@code x-amazon-apigateway-any-method} (reference sections 4.1, 4.3 and 4.4). An
 * operation carries the {@code operationId}, the {@code method.request.*} declarations as
 * parameters, the request models, the method responses, the {@code security}, and with the
 * integrations extension the request validator's name and the integration.
 *
 * <p>As GetExport, a method request or response whose models are all of a media type other than
 * {@code application/json} cannot be exported ("Only found non-JSON body models").
 */
final class ExportPaths {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";

    private final RestApi api;
    private final ExportOptions options;
    private final ExportDialect dialect;
    private final ExportSecurity security;

    ExportPaths(
            RestApi api, ExportOptions options, ExportDialect dialect, ExportSecurity security) {
        this.api = api;
        this.options = options;
        this.dialect = dialect;
        this.security = security;
    }

    /** Returns the {@code paths} object. */
    ObjectNode paths() {
        ObjectNode paths = NODES.objectNode();
        api.resources().values().stream()
                .filter(r -> !r.methods().isEmpty())
                .forEach(
                        r -> {
                            ObjectNode item = paths.putObject(r.path());
                            r.methods()
                                    .values()
                                    .forEach(
                                            m ->
                                                    item.set(
                                                            operationKey(m),
                                                            operation(
                                                                    m,
                                                                    r.path()
                                                                            + " "
                                                                            + m.httpMethod())));
                        });
        return paths;
    }

    private static String operationKey(Method method) {
        return method.httpMethod().equals("ANY")
                ? "x-amazon-apigateway-any-method"
                : method.httpMethod().toLowerCase(Locale.ROOT);
    }

    private ObjectNode operation(Method method, String place) {
        checkJsonModels(method.requestModels(), place + " method request");
        method.methodResponses()
                .values()
                .forEach(
                        r ->
                                checkJsonModels(
                                        r.responseModels(),
                                        place + " method response " + r.statusCode()));
        ObjectNode operation = NODES.objectNode();
        dialect.mediaTypes(operation, method.requestModels(), method.methodResponses());
        method.operationName().ifPresent(n -> operation.put("operationId", n));
        ArrayNode parameters = NODES.arrayNode();
        method.requestParameters()
                .forEach(
                        (declaration, required) ->
                                ExportNames.requestParameter(declaration)
                                        .ifPresent(
                                                p ->
                                                        parameters.add(
                                                                dialect.parameter(
                                                                        p.getKey(),
                                                                        p.getValue(),
                                                                        required))));
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        dialect.requestModels(operation, method.requestModels());
        ObjectNode responses = operation.putObject("responses");
        for (MethodResponse response : method.methodResponses().values()) {
            responses.set(response.statusCode(), dialect.response(response));
        }
        ArrayNode requirements = security.requirements(method);
        if (!requirements.isEmpty()) {
            operation.set("security", requirements);
        }
        if (options.withIntegrations()) {
            method.requestValidatorId()
                    .ifPresent(
                            id ->
                                    operation.put(
                                            "x-amazon-apigateway-request-validator",
                                            api.requestValidators().get(id).name()));
            method.integration()
                    .ifPresent(
                            i ->
                                    operation.set(
                                            "x-amazon-apigateway-integration",
                                            ExportIntegration.of(i, place)));
        }
        return operation;
    }

    private static void checkJsonModels(Map<String, String> models, String place) {
        if (!models.isEmpty() && !models.containsKey(JSON)) {
            throw new IllegalArgumentException(
                    place
                            + ": Only found non-JSON body models "
                            + models.keySet()
                            + "; an export needs an application/json model");
        }
    }
}
