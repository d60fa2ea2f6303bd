package dev.apigw.model.openapi;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Method;
import dev.apigw.model.openapi.Placeholders.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts an operation into a {@link Method} (reference section 4.3, "Mapping"): parameters {@code
 * in: path/query/header} become {@code method.request.{path|querystring|header}.X} with their
 * {@code required} flag, body schemas become request models by content type, responses become
 * method responses with {@code method.response.header.X} and response models, {@code operationId}
 * becomes the operation name; security, request validator and integration follow.
 */
final class Methods {
    private static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d\\d");
    private static final Map<String, String> LOCATIONS =
            Map.of("path", "path", "query", "querystring", "header", "header");

    private final ImportContext context;
    private final Models models;
    private final Security security;
    private final Integrations integrations;
    private final Set<String> validators;
    private final String defaultValidator;

    Methods(
            ImportContext context,
            Models models,
            Security security,
            Set<String> validators,
            String defaultValidator) {
        this.context = context;
        this.models = models;
        this.security = security;
        this.integrations = new Integrations(context);
        this.validators = validators;
        this.defaultValidator = defaultValidator;
    }

    /** Converts one operation of a path item. */
    Method convert(String path, Node pathItem, String httpMethod, Node op) {
        Method.Builder b = Method.builder().httpMethod(httpMethod);
        String operationId = context.text(op.get("operationId"), Field.DESCRIBE);
        if (!operationId.isEmpty()) {
            b.operationName(operationId);
        }
        String modelPrefix =
                words(
                        operationId.isEmpty()
                                ? httpMethod.charAt(0)
                                        + httpMethod.substring(1).toLowerCase(Locale.ROOT)
                                        + " "
                                        + path
                                : operationId);
        parameters(pathItem.get("parameters"), op, b, modelPrefix);
        parameters(op.get("parameters"), op, b, modelPrefix);
        Node body = context.deref(op.get("requestBody"));
        for (Map.Entry<String, Node> media : body.get("content").fields()) {
            Node schema = media.getValue().get("schema");
            if (!schema.isMissing()) {
                b.putRequestModel(media.getKey(), models.modelFor(schema, modelPrefix + "Request"));
            }
        }
        responses(op, b, modelPrefix);
        if (op.has("security")) {
            security.apply(op.get("security"), b);
        }
        Node auth = op.get("x-amazon-apigateway-auth").get("type");
        if (!auth.isMissing()) {
            b.authorizationType(context.enumValue(auth, AuthorizationType.class, "type"));
        }
        Node validatorNode = op.get("x-amazon-apigateway-request-validator");
        String validator =
                validatorNode.isMissing()
                        ? defaultValidator
                        : context.text(validatorNode, Field.SERVE);
        if (validator != null) {
            if (!validators.contains(validator)) {
                throw ImportContext.fail(
                        validatorNode.isMissing()
                                ? context.root().get("x-amazon-apigateway-request-validator")
                                : validatorNode,
                        "Invalid Request Validator identifier specified: " + validator);
            }
            b.requestValidatorId(validator);
        }
        Node integration = op.get("x-amazon-apigateway-integration");
        if (integration.isMissing()) {
            context.warn(
                    op,
                    "No integration defined for method; it cannot be deployed until"
                            + " it has one");
        } else {
            b.integration(integrations.convert(integration));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw ImportContext.fail(op, e.getMessage());
        }
    }

    private void parameters(Node list, Node op, Method.Builder b, String modelPrefix) {
        for (Node item : list.items()) {
            Node parameter = context.deref(item);
            String in = parameter.get("in").json().asText();
            String name =
                    context.requiredText(parameter.get("name"), Field.SERVE, "parameter name");
            String location = LOCATIONS.get(in);
            if (location != null) {
                b.putRequestParameter(
                        "method.request." + location + "." + name,
                        parameter.get("required").json().asBoolean(false));
            } else if (in.equals("body")) {
                Node schema = parameter.get("schema");
                String model = models.modelFor(schema, modelPrefix + "Request");
                for (String type : mediaTypes(op, "consumes")) {
                    b.putRequestModel(type, model);
                }
            } else {
                context.warn(
                        parameter,
                        "parameters in " + in + " are not supported by API" + " Gateway; ignored");
            }
        }
    }

    private void responses(Node op, Method.Builder b, String modelPrefix) {
        for (Map.Entry<String, Node> e : op.get("responses").fields()) {
            String status = e.getKey();
            if (!STATUS_CODE.matcher(status).matches()) {
                context.warn(
                        e.getValue(),
                        "response '"
                                + status
                                + "' has no status code a"
                                + " method response can have ([1-5]\\d\\d); ignored");
                continue;
            }
            Node response = context.deref(e.getValue());
            Map<String, Boolean> headers = new LinkedHashMap<>();
            for (Map.Entry<String, Node> h : response.get("headers").fields()) {
                Node header = context.deref(h.getValue());
                headers.put(
                        "method.response.header." + h.getKey(),
                        header.get("required").json().asBoolean(false));
            }
            Map<String, String> responseModels = new LinkedHashMap<>();
            String suggested = modelPrefix + "Response" + status;
            if (context.swagger2()) {
                Node schema = response.get("schema");
                if (!schema.isMissing()) {
                    String model = models.modelFor(schema, suggested);
                    for (String type : mediaTypes(op, "produces")) {
                        responseModels.put(type, model);
                    }
                }
            } else {
                for (Map.Entry<String, Node> media : response.get("content").fields()) {
                    Node schema = media.getValue().get("schema");
                    if (!schema.isMissing()) {
                        responseModels.put(media.getKey(), models.modelFor(schema, suggested));
                    }
                }
            }
            b.methodResponse(
                    status, r -> r.responseParameters(headers).responseModels(responseModels));
        }
    }

    /** Returns Swagger 2.0 {@code consumes}/{@code produces}: the operation's, else the root's. */
    private List<String> mediaTypes(Node op, String key) {
        Node types = op.has(key) ? op.get(key) : context.root().get(key);
        List<String> list = integrations.strings(types, Field.DESCRIBE);
        return list.isEmpty() ? List.of("application/json") : list;
    }

    /** Returns {@code PostPetsPetId} for {@code POST /pets/{petId}}: a model name prefix. */
    static String words(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
