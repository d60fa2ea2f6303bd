package dev.apigw.model;

/** Where API Gateway reads a request's API key (API reference, {@code ApiKeySourceType}). */
public enum ApiKeySourceType {
    /** The {@code X-API-Key} request header. */
    HEADER,
    /** The {@code usageIdentifierKey} returned by a Lambda authorizer. */
    AUTHORIZER
}
