package dev.apigw.model;

import java.util.Optional;

/**
 * The 21 gateway response types of a REST API, each with AWS's built-in status, fallback, error
 * type and message (reference section 3.1, from the AWS page "Gateway response types for API
 * Gateway" and AWS-validated recordings).
 *
 * <p>Texts marked (unconfirmed) in the reference are AWS's widely reported values; {@code
 * docs/differences.md} lists them.
 */
public enum GatewayResponseType {
    /** Any 4xx type that is not customised. */
    DEFAULT_4XX(0, null, null),
    /** Any 5xx type that is not customised. */
    DEFAULT_5XX(0, null, null),
    /** Resource not found after authorization passed. */
    RESOURCE_NOT_FOUND(404, "ResourceNotFoundException", null),
    /** A Lambda or Cognito authorizer said the caller is unauthenticated. */
    UNAUTHORIZED(401, "UnauthorizedException", "Unauthorized"),
    /** Missing, unknown or disabled API key, or a key outside the stage's usage plans. */
    INVALID_API_KEY(403, "ForbiddenException", "Forbidden"),
    /** An authorizer or resource policy denied the call. */
    ACCESS_DENIED(403, "AccessDeniedException", "User is not authorized to access this resource"),
    /** The authorizer failed to authenticate the caller. */
    AUTHORIZER_FAILURE(500, "AuthorizerFailureException", null),
    /** The authorizer could not be called or returned an invalid policy. */
    AUTHORIZER_CONFIGURATION_ERROR(500, "AuthorizerConfigurationException", null),
    /** A SigV4 signature did not match. */
    INVALID_SIGNATURE(
            403,
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided."),
    /** The AWS credentials of a signed request expired. */
    EXPIRED_TOKEN(
            403, "ExpiredTokenException", "The security token included in the request is expired"),
    /** No resource or method matched, or an IAM method was called unsigned. */
    MISSING_AUTHENTICATION_TOKEN(
            403, "MissingAuthenticationTokenException", "Missing Authentication Token"),
    /** The integration failed (network error). */
    INTEGRATION_FAILURE(504, "InternalServerErrorException", "Internal server error"),
    /** The integration did not answer within its timeout. */
    INTEGRATION_TIMEOUT(504, "InternalServerErrorException", "Endpoint request timed out"),
    /** The API is misconfigured (invalid endpoint, no matching integration response, ...). */
    API_CONFIGURATION_ERROR(500, "InternalServerErrorException", "Internal server error"),
    /** The passthrough behaviour rejected the request's content type. */
    UNSUPPORTED_MEDIA_TYPE(415, "BadRequestException", "Unsupported Media Type"),
    /** Required request parameters are missing or blank. */
    BAD_REQUEST_PARAMETERS(400, "BadRequestException", null),
    /** The request body failed the method's model. */
    BAD_REQUEST_BODY(400, "BadRequestException", "Invalid request body"),
    /** The request is larger than API Gateway accepts (10 MB payload). Not customisable. */
    REQUEST_TOO_LARGE(413, "RequestTooLargeException", "Request Too Long"),
    /** A throttle limit was exceeded. */
    THROTTLED(429, "TooManyRequestsException", "Too Many Requests"),
    /** A usage-plan quota was used up. */
    QUOTA_EXCEEDED(429, "LimitExceededException", "Limit Exceeded"),
    /** AWS WAF blocked the request. */
    WAF_FILTERED(403, "WAFFilteredException", "Forbidden");

    private final int defaultStatus;
    private final String errorType;
    private final String defaultMessage;

    GatewayResponseType(int defaultStatus, String errorType, String defaultMessage) {
        this.defaultStatus = defaultStatus;
        this.errorType = errorType;
        this.defaultMessage = defaultMessage;
    }

    /**
     * Returns AWS's built-in status code of this type; 0 for {@link #DEFAULT_4XX} and {@link
     * #DEFAULT_5XX}, which keep the status of the type they stand in for.
     */
    public int defaultStatus() {
        return defaultStatus;
    }

    /**
     * Returns the type whose customisation applies when this one is not customised: {@link
     * #DEFAULT_4XX} or {@link #DEFAULT_5XX} by the class of the default status (reference 3.2).
     */
    public Optional<GatewayResponseType> fallback() {
        if (defaultStatus == 0) {
            return Optional.empty();
        }
        return Optional.of(defaultStatus < 500 ? DEFAULT_4XX : DEFAULT_5XX);
    }

    /** Returns the value of the {@code x-amzn-ErrorType} header AWS sends with this type. */
    public Optional<String> errorType() {
        return Optional.ofNullable(errorType);
    }

    /** Returns the default {@code $context.error.message} of this type, if it has one. */
    public Optional<String> defaultMessage() {
        return Optional.ofNullable(defaultMessage);
    }

    /** Returns whether a customised gateway response of this type is applied (not for 413). */
    public boolean isCustomizable() {
        return this != REQUEST_TOO_LARGE;
    }
}
