package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The {@code RequestModel} of a SAM API event: the body parameter (Swagger 2.0) or request body
 * (OpenAPI 3) naming one of the API's {@code Models}, lower-cased as SAM names them, and the
 * request validator SAM names after what it validates (reference 4.3, 5.1).
 */
final class SamRequestModel {
    private static final String VALIDATORS = "x-amazon-apigateway-request-validators";

    private SamRequestModel() {}

    /** Applies {@code model} (absent: nothing) to the method {@code method} of {@code path}. */
    static void apply(
            JsonNode model,
            ObjectNode api,
            SamSwagger body,
            String path,
            String method,
            String where) {
        if (SamValues.isFalsy(model)) {
            return;
        }
        if (!model.isObject()) {
            throw invalid(where + ".RequestModel", "must be an object");
        }
        JsonNode name = model.get("Model");
        if (SamValues.isFalsy(name)) {
            return;
        }
        String prefix =
                "Unable to set RequestModel ["
                        + name.asText()
                        + "] on API method ["
                        + method
                        + "] for path ["
                        + path
                        + "] because ";
        JsonNode models = api.get("Models");
        if (SamValues.isFalsy(models)) {
            throw invalid(
                    where + ".RequestModel",
                    prefix + "the related API does not define any Models.");
        }
        if (!models.isObject() || SamValues.isIntrinsic(models)) {
            throw invalid(
                    where + ".RequestModel",
                    prefix + "the related API Models defined is of invalid type.");
        }
        if (!name.isTextual()) {
            throw invalid(
                    where + ".RequestModel",
                    prefix + "the related API does not contain valid Models.");
        }
        if (SamValues.isFalsy(models.get(name.textValue()))) {
            throw invalid(
                    where + ".RequestModel", prefix + "it wasn't defined in the API's Models.");
        }
        addModel(
                body,
                path,
                method,
                name.textValue().toLowerCase(Locale.ROOT),
                model.get("Required"));
        JsonNode validateBody = model.get("ValidateBody");
        JsonNode validateParameters = model.get("ValidateParameters");
        if (validateBody == null && validateParameters == null) {
            return;
        }
        if (validateBody != null && !validateBody.isBoolean()
                || validateParameters != null && !validateParameters.isBoolean()) {
            throw invalid(
                    where + ".RequestModel",
                    "Unable to set Validator to RequestModel ["
                            + name.asText()
                            + "] on API method ["
                            + method
                            + "] for path ["
                            + path
                            + "] ValidateBody and ValidateParameters must be a boolean type,"
                            + " strings or intrinsics are not supported.");
        }
        addValidator(
                body,
                path,
                method,
                validateBody != null && validateBody.booleanValue(),
                validateParameters != null && validateParameters.booleanValue());
    }

    private static void addModel(
            SamSwagger body, String path, String method, String model, JsonNode required) {
        ObjectNode definition = body.method(path, method);
        if (body.doc().get("swagger") != null) {
            JsonNode existing = definition.get("parameters");
            ArrayNode parameters =
                    existing != null && existing.isArray()
                            ? (ArrayNode) existing
                            : definition.putArray("parameters");
            ObjectNode parameter = parameters.addObject();
            parameter.put("in", "body");
            parameter.put("name", model);
            parameter.putObject("schema").put("$ref", "#/definitions/" + model);
            if (required != null && !required.isNull()) {
                parameter.set("required", required);
            }
        } else if (body.isOpenApi3()) {
            ObjectNode requestBody = definition.putObject("requestBody");
            requestBody
                    .putObject("content")
                    .putObject("application/json")
                    .putObject("schema")
                    .put("$ref", "#/components/schemas/" + model);
            if (required != null && !required.isNull()) {
                requestBody.set("required", required);
            }
        }
    }

    private static void addValidator(
            SamSwagger body,
            String path,
            String method,
            boolean validateBody,
            boolean validateParameters) {
        String name =
                validateBody && validateParameters
                        ? "body-and-params"
                        : validateBody
                                ? "body-only"
                                : validateParameters ? "params-only" : "no-validation";
        ObjectNode validators = SamValues.object(body.doc(), VALIDATORS, body.where());
        if (!validators.has(name)) {
            ObjectNode validator = validators.putObject(name);
            validator.put("validateRequestBody", validateBody);
            validator.put("validateRequestParameters", validateParameters);
        }
        body.method(path, method).put("x-amazon-apigateway-request-validator", name);
    }
}
