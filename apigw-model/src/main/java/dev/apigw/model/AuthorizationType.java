package dev.apigw.model;

/**
 * How a method authorizes callers (API Gateway API reference, {@code Method.authorizationType}).
 */
public enum AuthorizationType {
    /** Open to any caller. */
    NONE,
    /** Signature Version 4 signed requests, evaluated against IAM. */
    AWS_IAM,
    /** A Lambda authorizer (TOKEN or REQUEST). */
    CUSTOM,
    /** An Amazon Cognito user pool authorizer (REST APIs). */
    COGNITO_USER_POOLS,
    /** A JWT authorizer (HTTP API routes only, reference 8.5). */
    JWT
}
