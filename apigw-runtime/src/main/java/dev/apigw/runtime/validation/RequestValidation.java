package dev.apigw.runtime.validation;

import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.pipeline.AttributeKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a method's request validator checks (reference 4.3, 5.1), compiled once: the required
 * parameters by location, and the body schema per content type. A method without a validator, or
 * with one that checks nothing, gets {@link #NONE}. The validator is the method's own {@code
 * requestValidatorId}: an OpenAPI definition's API-wide default was already given to each of its
 * methods by the importer, and a {@link RestApi} has no default of its own. Immutable. Internal.
 */
public final class RequestValidation {
    /** The compiled checks of a method. */
    public static final AttributeKey<RequestValidation> KEY = AttributeKey.of("requestValidation");

    /** Validates nothing. */
    public static final RequestValidation NONE =
            new RequestValidation(false, List.of(), List.of(), List.of(), false, Map.of());

    private static final String DEFAULT_MODEL = "$default";

    private final boolean parameters;
    private final List<String> headers;
    private final List<String> paths;
    private final List<String> queries;
    private final boolean body;
    private final Map<String, BodyValidator> schemas;

    private RequestValidation(
            boolean parameters,
            List<String> headers,
            List<String> paths,
            List<String> queries,
            boolean body,
            Map<String, BodyValidator> schemas) {
        this.parameters = parameters;
        this.headers = headers;
        this.paths = paths;
        this.queries = queries;
        this.body = body;
        this.schemas = schemas;
    }

    /**
     * Compiles the validation of a method; {@code models} gives the API's models, asked for only
     * when the body is validated. Throws {@link IllegalArgumentException} naming the model at
     * fault.
     */
    public static RequestValidation compile(
            RestApi api, Method method, Supplier<ModelSchemas> models) {
        RequestValidator validator =
                method.requestValidatorId().map(api.requestValidators()::get).orElse(null);
        if (validator == null
                || !validator.validateRequestParameters() && !validator.validateRequestBody()) {
            return NONE;
        }
        List<String> headers = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        method.requestParameters()
                .forEach(
                        (name, required) -> {
                            if (required) {
                                add(name, "method.request.header.", headers);
                                add(name, "method.request.path.", paths);
                                add(name, "method.request.querystring.", queries);
                            }
                        });
        Map<String, BodyValidator> schemas = new LinkedHashMap<>();
        if (validator.validateRequestBody()) {
            method.requestModels()
                    .forEach(
                            (contentType, model) -> {
                                try {
                                    schemas.put(
                                            contentType.equals(DEFAULT_MODEL)
                                                    ? DEFAULT_MODEL
                                                    : MediaTypes.mimeType(contentType),
                                            models.get().validator(model));
                                } catch (IllegalArgumentException e) {
                                    throw new IllegalArgumentException(
                                            "request model for "
                                                    + contentType
                                                    + ": "
                                                    + e.getMessage(),
                                            e);
                                }
                            });
        }
        return new RequestValidation(
                validator.validateRequestParameters(),
                List.copyOf(headers),
                List.copyOf(paths),
                List.copyOf(queries),
                validator.validateRequestBody(),
                Collections.unmodifiableMap(schemas));
    }

    private static void add(String declaration, String prefix, List<String> names) {
        if (declaration.startsWith(prefix)) {
            names.add(declaration.substring(prefix.length()));
        }
    }

    /** Returns whether required parameters are enforced. */
    public boolean validatesParameters() {
        return parameters;
    }

    /** Returns whether the body is validated against its model. */
    public boolean validatesBody() {
        return body;
    }

    /**
     * Returns the required parameters that are missing or blank, headers first, then path, then
     * query string parameters (reference 1.7 T15 [V]), each location in declaration order. A header
     * or query parameter sent several times is present when one of its values is not blank.
     */
    public List<String> missingParameters(
            Headers requestHeaders,
            Map<String, String> pathParameters,
            Map<String, List<String>> query) {
        List<String> missing = new ArrayList<>(0);
        for (String name : headers) {
            if (blank(requestHeaders.values(name))) {
                missing.add(name);
            }
        }
        for (String name : paths) {
            String value = pathParameters.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        for (String name : queries) {
            List<String> values = query.get(name);
            if (values == null || blank(values)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static boolean blank(List<String> values) {
        for (String value : values) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the body validator for a request's media type: the model of that type, else the
     * {@code $default} model; empty when neither exists, and the body is then not validated (the
     * AWS page "Request validation for REST APIs in API Gateway").
     */
    public Optional<BodyValidator> bodySchema(String mediaType) {
        BodyValidator schema = schemas.get(mediaType);
        return Optional.ofNullable(schema != null ? schema : schemas.get(DEFAULT_MODEL));
    }
}
