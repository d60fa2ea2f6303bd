package dev.apigw.runtime.validation;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.mapping.JsonDocument;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Payload;
import dev.apigw.runtime.pipeline.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the method's request validator (the AWS page "Request validation for REST APIs in API
 * Gateway"; reference 8.1: after the API key, parameters before body). A required parameter that is
 * missing or blank gives BAD_REQUEST_PARAMETERS, 400 {@code {"message": "Missing required request
 * parameters: [a, b]"}}; a body that fails the model of its content type gives BAD_REQUEST_BODY,
 * 400 {@code {"message": "Invalid request body"}}, with the validator's messages as {@code
 * $context.error.validationErrorString}. An empty body is validated as {@code {}}; a body that is
 * not JSON, or that has anything but whitespace after its JSON value ({@code {"price":1}garbage}),
 * fails with {@link #NOT_JSON}; a number beyond a double's range ({@code 1e400}) fails with {@link
 * BodyValidator#OUT_OF_RANGE} (both texts our choice, AWS's are not recorded). The body is parsed
 * once, shared with the later steps. Validation is independent of passthrough (reference 6.2): an
 * unvalidated body goes on as sent.
 */
public final class RequestValidationStep implements Step {
    /** The validationErrorString of a body that is not JSON; AWS's text is not recorded. */
    static final String NOT_JSON = "[Invalid JSON: the request body is not a JSON value]";

    private static final Map<String, Object> EMPTY_BODY = Map.of();

    @Override
    public Response apply(Exchange exchange, Chain next) {
        RequestValidation validation = exchange.method().feature(RequestValidation.KEY);
        if (validation.validatesParameters()) {
            List<String> missing =
                    validation.missingParameters(
                            exchange.request().headers(),
                            exchange.route().pathParameters(),
                            exchange.queryParameters());
            if (!missing.isEmpty()) {
                String message =
                        "Missing required request parameters: [" + String.join(", ", missing) + "]";
                exchange.trace().add("validation", "Request validation failed: ", message);
                throw GatewayException.invalidRequest(
                        GatewayResponseType.BAD_REQUEST_PARAMETERS, message, message);
            }
        }
        if (validation.validatesBody()) {
            String mediaType =
                    exchange.request()
                            .headers()
                            .first("Content-Type")
                            .map(MediaTypes::mimeType)
                            .filter(t -> !t.isEmpty())
                            .orElse(MediaTypes.JSON);
            Optional<BodyValidator> schema = validation.bodySchema(mediaType);
            if (schema.isPresent()) {
                String errors = errors(schema.get(), exchange.payload());
                if (errors != null) {
                    exchange.trace()
                            .add(
                                    "validation",
                                    "Request body does not match model schema"
                                            + " for content type "
                                            + mediaType
                                            + ": ",
                                    errors);
                    throw GatewayException.invalidRequest(
                            GatewayResponseType.BAD_REQUEST_BODY, "Invalid request body", errors);
                }
            }
        }
        return next.proceed(exchange);
    }

    /** Returns the validationErrorString of a failing body, or null when it is valid. */
    private static String errors(BodyValidator schema, Payload payload) {
        if (payload.isEmpty()) {
            return schema.validationErrorString(EMPTY_BODY).orElse(null);
        }
        Optional<JsonDocument> json = payload.json();
        if (json.isEmpty() || json.get().hasTrailingContent()) {
            return NOT_JSON;
        }
        return schema.validationErrorString(json.get().root()).orElse(null);
    }
}
