package dev.apigw.runtime.auth.sigv4;

/**
 * What {@link SignatureParser} found in a request: no signature, a malformed one, or a {@link
 * SignedRequest}.
 */
sealed interface ParsedSignature
        permits ParsedSignature.Unsigned, ParsedSignature.Malformed, SignedRequest {

    /** Neither an {@code Authorization} header nor {@code X-Amz-Algorithm} in the query. */
    record Unsigned() implements ParsedSignature {}

    /**
     * A signature whose elements are missing or unreadable.
     *
     * @param reason what is wrong, for the debug log (never a secret)
     */
    record Malformed(String reason) implements ParsedSignature {}
}
