package dev.apigw.model.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import java.util.Locale;

/**
 * Writes how methods are authorized (reference sections 4.1 and 4.4): an operation's {@code
 * security} names its authorizer's scheme (with the Cognito scopes), {@code sigv4} for IAM, and
 * {@code api_key} when an API key is required, each in its own requirement object, the
 * authorization first; the schemes are {@code apiKey} headers: the authorizer's identity header
 * ({@code Unused} when it has several or none), {@code x-api-key}, {@code Authorization}.
 *
 * <p>One instance serves one export: it remembers whether {@code api_key} and {@code sigv4} were
 * used, to write only the schemes the operations need.
 */
final class ExportSecurity {
    static final String API_KEY = "api_key";
    static final String SIGV4 = "sigv4";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HEADER_SOURCE = "method.request.header.";

    private final RestApi api;
    private final ExportOptions options;
    private boolean apiKeyUsed;
    private boolean sigv4Used;

    ExportSecurity(RestApi api, ExportOptions options) {
        for (Authorizer authorizer : api.authorizers().values()) {
            if (authorizer.name().equals(API_KEY) || authorizer.name().equals(SIGV4)) {
                throw new IllegalArgumentException(
                        "authorizer "
                                + authorizer.name()
                                + ": the name is the export's own security scheme for "
                                + (authorizer.name().equals(API_KEY) ? "API keys" : "IAM"));
            }
        }
        this.api = api;
        this.options = options;
    }

    /** Returns the operation's {@code security}; empty when the method is open. */
    ArrayNode requirements(Method method) {
        ArrayNode requirements = NODES.arrayNode();
        AuthorizationType type = method.authorizationType();
        if (type == AuthorizationType.AWS_IAM) {
            sigv4Used = true;
            requirements.addObject().putArray(SIGV4);
        } else if (type == AuthorizationType.CUSTOM
                || type == AuthorizationType.COGNITO_USER_POOLS) {
            Authorizer authorizer = api.authorizers().get(method.authorizerId().orElseThrow());
            ArrayNode scopes = requirements.addObject().putArray(authorizer.name());
            method.authorizationScopes().forEach(scopes::add);
        }
        if (method.apiKeyRequired()) {
            apiKeyUsed = true;
            requirements.addObject().putArray(API_KEY);
        }
        return requirements;
    }

    /** Returns the security schemes: every authorizer, then {@code api_key} and {@code sigv4}. */
    ObjectNode schemes() {
        ObjectNode schemes = NODES.objectNode();
        for (Authorizer authorizer : api.authorizers().values()) {
            schemes.set(authorizer.name(), scheme(authorizer));
        }
        if (apiKeyUsed) {
            schemes.set(API_KEY, header("x-api-key"));
        }
        if (sigv4Used) {
            ObjectNode sigv4 = header("Authorization");
            if (options.withAnyExtension()) {
                sigv4.put("x-amazon-apigateway-authtype", "awsSigv4");
            }
            schemes.set(SIGV4, sigv4);
        }
        return schemes;
    }

    private ObjectNode scheme(Authorizer authorizer) {
        ObjectNode scheme = header(identityHeader(authorizer));
        if (!options.withAuthorizers()) {
            return scheme;
        }
        authorizer.authType().ifPresent(t -> scheme.put("x-amazon-apigateway-authtype", t));
        ObjectNode extension = scheme.putObject("x-amazon-apigateway-authorizer");
        authorizer.authorizerUri().ifPresent(u -> extension.put("authorizerUri", u));
        authorizer
                .authorizerCredentials()
                .ifPresent(c -> extension.put("authorizerCredentials", c));
        authorizer.identitySource().ifPresent(s -> extension.put("identitySource", s));
        authorizer
                .identityValidationExpression()
                .ifPresent(e -> extension.put("identityValidationExpression", e));
        extension.put("authorizerResultTtlInSeconds", authorizer.authorizerResultTtlInSeconds());
        if (!authorizer.providerArns().isEmpty()) {
            ArrayNode arns = extension.putArray("providerARNs");
            authorizer.providerArns().forEach(arns::add);
        }
        extension.put("type", authorizer.type().name().toLowerCase(Locale.ROOT));
        return scheme;
    }

    private static String identityHeader(Authorizer authorizer) {
        String source = authorizer.identitySource().orElse("").trim();
        boolean oneHeader =
                source.startsWith(HEADER_SOURCE)
                        && !source.contains(",")
                        && source.length() > HEADER_SOURCE.length();
        return oneHeader ? source.substring(HEADER_SOURCE.length()) : "Unused";
    }

    /** Returns an {@code apiKey} scheme of the header {@code name}. */
    static ObjectNode header(String name) {
        ObjectNode scheme = NODES.objectNode();
        scheme.put("type", "apiKey");
        scheme.put("name", name);
        scheme.put("in", "header");
        return scheme;
    }
}
