package dev.apigw.model;

/** The kinds of REST API authorizer (API reference, {@code AuthorizerType}). */
public enum AuthorizerType {
    /** A Lambda function given a bearer token from one header. */
    TOKEN,
    /** A Lambda function given the request's headers, query, stage variables and context. */
    REQUEST,
    /** An Amazon Cognito user pool validating a JWT. */
    COGNITO_USER_POOLS
}
