package dev.apigw.model.openapi;

/**
 * The extension sets GetExport's {@code extensions} parameter can ask for, in any combination
 * (reference section 4.4). An export without any writes no {@code x-amazon-apigateway-*} key,
 * except {@code x-amazon-apigateway-any-method}, the only way to write a method {@code ANY}.
 */
public enum ExportExtension {
    /**
     * {@code extensions=integrations}: the same as {@link #APIGATEWAY}, as the API reference's
     * GetExport page treats them.
     */
    INTEGRATIONS("integrations"),
    /**
     * {@code extensions=apigateway}: {@code x-amazon-apigateway-integration} on every operation
     * with an integration, {@code x-amazon-apigateway-request-validator(s)}, binary media types,
     * gateway responses, policy, API key source, minimum compression size, endpoint configuration,
     * and {@code x-amazon-apigateway-authtype} on the {@code sigv4} scheme.
     */
    APIGATEWAY("apigateway"),
    /**
     * {@code extensions=authorizers}: {@code x-amazon-apigateway-authorizer} and {@code
     * x-amazon-apigateway-authtype} on the authorizers' security schemes, and on the {@code sigv4}
     * scheme.
     */
    AUTHORIZERS("authorizers");

    private final String value;

    ExportExtension(String value) {
        this.value = value;
    }

    /** Returns the value of GetExport's {@code extensions} parameter for this set. */
    public String value() {
        return value;
    }

    /** Returns whether this set adds the integrations and the other API Gateway extensions. */
    boolean addsIntegrations() {
        return this != AUTHORIZERS;
    }
}
