package dev.apigw.model;

/**
 * The integration types of a REST API method (API Gateway API reference, {@code IntegrationType}).
 */
public enum IntegrationType {
    /** A non-proxy HTTP backend: mapping templates on both sides. */
    HTTP,
    /** An AWS service, or a Lambda function invoked without the proxy event. */
    AWS,
    /** No backend: the integration response is chosen from the request template's statusCode. */
    MOCK,
    /** The request is passed to an HTTP backend as it is, and its response back as it is. */
    HTTP_PROXY,
    /** A Lambda function receiving the proxy event (payload format 1.0). */
    AWS_PROXY;

    /** Returns whether the request and response pass without mapping templates. */
    public boolean isProxy() {
        return this == HTTP_PROXY || this == AWS_PROXY;
    }
}
