package dev.apigw.model;

/**
 * Maps a base path of a custom domain name to a REST API stage ({@code
 * AWS::ApiGateway::BasePathMapping}).
 *
 * @param domainName the custom domain name
 * @param basePath the base path ({@code (none)} when the API serves at the domain's root)
 * @param restApiId the API's id
 * @param stage the stage name, empty for the domain's default
 */
public record BasePathMapping(String domainName, String basePath, String restApiId, String stage) {
    /** The base path of a mapping without one, as AWS names it. */
    public static final String NONE = "(none)";

    /** Validates the fields. */
    public BasePathMapping {
        Checks.requireText(domainName, "domainName");
        basePath = basePath == null || basePath.isEmpty() ? NONE : basePath;
        Checks.requireText(restApiId, "restApiId");
        stage = stage == null ? "" : stage;
    }
}
