package dev.apigw.model;

/** How a payload is converted between text and binary (reference section 6.3). */
public enum ContentHandlingStrategy {
    /** Base64-decode a text payload into bytes. */
    CONVERT_TO_BINARY,
    /** Base64-encode a binary payload into text. */
    CONVERT_TO_TEXT
}
