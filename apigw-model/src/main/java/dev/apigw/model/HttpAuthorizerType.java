package dev.apigw.model;

/** The kinds of HTTP API authorizer (apigatewayv2 API reference, {@code AuthorizerType}). */
public enum HttpAuthorizerType {
    /** A JSON Web Token checked against the issuer's key set (reference 8.5). */
    JWT,
    /** A Lambda function given the request (reference 8.6). */
    REQUEST
}
