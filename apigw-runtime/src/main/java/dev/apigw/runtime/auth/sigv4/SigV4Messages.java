package dev.apigw.runtime.auth.sigv4;

/** AWS's message texts for refused SigV4 requests (reference 3.1 and 8.7). */
final class SigV4Messages {
    /** Reference 3.1, MISSING_AUTHENTICATION_TOKEN [DG][V]. */
    static final String MISSING_AUTHENTICATION_TOKEN = "Missing Authentication Token";

    /** Reference 3.1, INVALID_SIGNATURE (unconfirmed): AWS's first sentence only. */
    static final String INVALID_SIGNATURE =
            "The request signature we calculated does not match the signature you provided.";

    /** Reference 3.1, EXPIRED_TOKEN (unconfirmed); also used for a skewed X-Amz-Date. */
    static final String EXPIRED_TOKEN = "The security token included in the request is expired";

    /** Not in the reference: AWS's UnrecognizedClientException text, widely reported. */
    static final String UNKNOWN_KEY = "The security token included in the request is invalid.";

    private SigV4Messages() {}
}
