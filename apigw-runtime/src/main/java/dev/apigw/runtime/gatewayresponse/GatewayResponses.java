package dev.apigw.runtime.gatewayresponse;

import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.GatewayResponder;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders gateway responses as API Gateway does (reference section 3): the customised entry of the
 * exact type, else the customised {@code DEFAULT_4XX}/{@code DEFAULT_5XX} of its class, else the
 * built-in default {@code {"message":$context.error.messageString}}. The built-in body of a 5xx
 * type is sent with a space after the colon, {@code {"message": "Internal server error"}}: every
 * 5xx body the reference records is spelled so (reference 2, 2.2, 3.1, 5.2, 6.1), the routing and
 * key 4xx ones without (7.1, 8.2), although GetGatewayResponses lists the template without the
 * space for every type (3.1). The request validation bodies (BAD_REQUEST_PARAMETERS,
 * BAD_REQUEST_BODY) have the space too, as worked example T15 of reference 1.7 spells them
 * ([DG][V]): {@code {"message": "Invalid request body"}}. {@code
 * $context.error.validationErrorString} is substituted as it is, like {@code
 * $context.error.message}, in templates and in {@code context.error.*} header sources. A customised
 * entry replaces the whole definition, so a field it leaves out takes the built-in value. Every
 * response carries {@code Content-Type} and {@code x-amzn-ErrorType}. {@code REQUEST_TOO_LARGE}
 * cannot be customised. A mapped header whose name is not an RFC 9110 token or whose value holds
 * CR, LF or another control character (a {@code method.request.querystring.X} source decodes {@code
 * %0D%0A}) is left out with a trace line, so the error still gets its answer (our choice; AWS's
 * handling is not recorded). Compiled once per deployment; immutable.
 */
public final class GatewayResponses implements GatewayResponder {
    private static final Definition BUILT_IN = builtIn("{\"message\":");
    private static final Definition BUILT_IN_SPACED = builtIn("{\"message\": ");

    private final Map<GatewayResponseType, Definition> definitions;

    private GatewayResponses(Map<GatewayResponseType, Definition> definitions) {
        this.definitions = definitions;
    }

    /** Returns AWS's built-in responses, for requests that reach no API. */
    public static GatewayResponses defaults() {
        return compile(Map.of());
    }

    /** Compiles the gateway responses of a REST API. */
    public static GatewayResponses compile(RestApi api) {
        return compile(api.gatewayResponses());
    }

    private static GatewayResponses compile(Map<GatewayResponseType, GatewayResponse> custom) {
        Map<GatewayResponseType, Definition> definitions = new EnumMap<>(GatewayResponseType.class);
        for (GatewayResponseType type : GatewayResponseType.values()) {
            GatewayResponse own = custom.get(type);
            GatewayResponse fallback = type.fallback().map(custom::get).orElse(null);
            GatewayResponse effective =
                    !type.isCustomizable() ? null : own != null ? own : fallback;
            definitions.put(
                    type, effective == null ? builtIn(type) : Definition.of(effective, type));
        }
        return new GatewayResponses(definitions);
    }

    private static Definition builtIn(String opening) {
        return new Definition(
                0,
                Map.of(),
                Map.of(
                        "application/json",
                        SubstitutionTemplate.parse(opening + "$context.error.messageString}")));
    }

    private static Definition builtIn(GatewayResponseType type) {
        return type.fallback().orElse(type) == GatewayResponseType.DEFAULT_5XX
                        || type == GatewayResponseType.BAD_REQUEST_PARAMETERS
                        || type == GatewayResponseType.BAD_REQUEST_BODY
                ? BUILT_IN_SPACED
                : BUILT_IN;
    }

    /** Renders the response for a rejected exchange. */
    @Override
    public Response render(GatewayException error, Exchange exchange) {
        Definition definition = definitions.get(error.type());
        int status = definition.statusCode != 0 ? definition.statusCode : error.statusCode();
        Response.Builder response = Response.builder().statusCode(status);
        String accept =
                MediaTypes.firstAccepted(exchange.request().headers().first("Accept").orElse(""));
        Map.Entry<String, SubstitutionTemplate> template = definition.template(accept);
        response.setHeader("Content-Type", template.getKey());
        response.setHeader("x-amzn-ErrorType", errorType(error.type(), status));
        definition.headers.forEach(
                (name, source) -> {
                    String value =
                            source.startsWith("context.error.")
                                    ? variable(source, error, exchange)
                                    : HeaderSource.resolve(source, exchange);
                    if (value != null && Headers.isValidName(name) && Headers.isValidValue(value)) {
                        response.setHeader(name, value);
                    } else if (value != null) {
                        exchange.trace()
                                .add(
                                        "gateway-response",
                                        "Header left out, it cannot carry" + " its value: ",
                                        name);
                    }
                });
        response.body(template.getValue().render(name -> variable(name, error, exchange)));
        return response.build();
    }

    private static String errorType(GatewayResponseType type, int status) {
        return type.errorType()
                .orElse(status >= 500 ? "InternalServerErrorException" : "BadRequestException");
    }

    private static String variable(String name, GatewayException error, Exchange exchange) {
        if (name.startsWith("stageVariables.")) {
            return exchange.stageVariables().get(name.substring("stageVariables.".length()));
        }
        String context = name.substring("context.".length());
        switch (context) {
            case "error.message":
                return error.errorMessage().orElse(null);
            case "error.messageString":
                return error.errorMessage().map(GatewayResponses::quote).orElse("null");
            case "error.responseType":
                return error.type().name();
            case "error.validationErrorString":
                return error.validationErrorString().orElse(null);
            default:
                return ContextVariables.get(exchange, context);
        }
    }

    static String quote(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }

    /** One type's effective definition: status (0: the error's own), headers, templates. */
    private static final class Definition {
        final int statusCode;
        final Map<String, String> headers;
        final Map<String, SubstitutionTemplate> templates;

        Definition(
                int statusCode,
                Map<String, String> headers,
                Map<String, SubstitutionTemplate> templates) {
            this.statusCode = statusCode;
            this.headers = headers;
            this.templates = templates;
        }

        static Definition of(GatewayResponse custom, GatewayResponseType responseType) {
            Map<String, String> headers = new LinkedHashMap<>();
            custom.responseParameters()
                    .forEach(
                            (target, source) -> {
                                if (target.startsWith("gatewayresponse.header.")) {
                                    headers.put(
                                            target.substring("gatewayresponse.header.".length()),
                                            source);
                                }
                            });
            Map<String, SubstitutionTemplate> templates = new LinkedHashMap<>();
            custom.responseTemplates()
                    .forEach(
                            (type, text) ->
                                    templates.put(
                                            MediaTypes.mimeType(type),
                                            SubstitutionTemplate.parse(text)));
            return new Definition(
                    custom.statusCode().orElse(0),
                    Map.copyOf(headers),
                    templates.isEmpty() ? builtIn(responseType).templates : templates);
        }

        /**
         * Returns the template for the request's first Accept type, else the {@code
         * application/json} one, else the first (reference 1.1).
         */
        Map.Entry<String, SubstitutionTemplate> template(String accept) {
            SubstitutionTemplate t = templates.get(accept);
            if (t != null) {
                return Map.entry(accept, t);
            }
            t = templates.get("application/json");
            if (t != null) {
                return Map.entry("application/json", t);
            }
            return List.copyOf(templates.entrySet()).get(0);
        }
    }
}
