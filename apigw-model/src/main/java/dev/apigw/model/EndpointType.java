package dev.apigw.model;

/** The endpoint type of a REST API (API reference, {@code EndpointType}). */
public enum EndpointType {
    /** Served through a CloudFront distribution (the import default). */
    EDGE,
    /** Served in the API's region. */
    REGIONAL,
    /** Reachable only from a VPC endpoint. */
    PRIVATE
}
