package dev.apigw.model;

/** How a proxy integration's response is sent to the client (reference 4.2, 2025). */
public enum ResponseTransferMode {
    /** The whole response is received before it is sent (the default). */
    BUFFERED,
    /** The response is streamed to the client as it arrives. */
    STREAM
}
