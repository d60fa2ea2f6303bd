package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.RestApi;
import java.util.Map;

/**
 * The places where an OAS 3.0 export and a Swagger 2.0 export differ (reference section 4.4): the
 * document head, model references, parameters, bodies, responses and where components go.
 */
interface ExportDialect {
    /** Returns the dialect of an export type. */
    static ExportDialect of(ExportType type) {
        return type == ExportType.OAS30 ? new ExportOas30() : new ExportSwagger();
    }

    /** Returns the root with the version key, {@code info} and the stage's server. */
    ObjectNode head(RestApi api, ExportOptions options, String version);

    /** Returns the reference to a model, e.g. {@code #/components/schemas/Pet}. */
    String schemaRef(String modelName);

    /** Returns a {@code method.request.*} declaration as a parameter; {@code in} is OpenAPI's. */
    ObjectNode parameter(String in, String name, boolean required);

    /** Writes the request models of an operation whose {@code parameters} are written. */
    void requestModels(ObjectNode operation, Map<String, String> requestModels);

    /** Writes the media types an operation consumes and produces, where the dialect has them. */
    void mediaTypes(
            ObjectNode operation,
            Map<String, String> requestModels,
            Map<String, MethodResponse> responses);

    /** Returns a method response as an OpenAPI response. */
    ObjectNode response(MethodResponse response);

    /** Writes the models and security schemes ({@code components} or their Swagger keys). */
    void components(ObjectNode root, ObjectNode schemas, ObjectNode securitySchemes);

    /** Writes {@code x-amazon-apigateway-endpoint-configuration} where the dialect puts it. */
    void endpointConfiguration(ObjectNode root, ObjectNode configuration);
}
