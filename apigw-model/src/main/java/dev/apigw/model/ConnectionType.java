package dev.apigw.model;

/** How API Gateway reaches an HTTP backend (API reference, {@code ConnectionType}). */
public enum ConnectionType {
    /** Through the public internet (the default for HTTP and HTTP_PROXY). */
    INTERNET,
    /** Through a VPC link named by {@code connectionId}. */
    VPC_LINK
}
