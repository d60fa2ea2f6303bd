package dev.apigw.runtime.auth.sigv4;

import dev.apigw.model.GatewayResponseType;

/**
 * What {@link SigV4Verifier} decided about a request (reference 8.7): a verified caller, or the
 * gateway response AWS answers with and its message (reference 3.1).
 */
public sealed interface SigV4Outcome {

    /**
     * The signature matched: the caller signed with this access key, of this account and user.
     *
     * @param accessKey the access key id that signed the request
     * @param accountId the caller's account id
     * @param userArn the caller's user or role ARN
     */
    record Verified(String accessKey, String accountId, String userArn) implements SigV4Outcome {}

    /** A refusal: the gateway response type and AWS's message for it. */
    sealed interface Failure extends SigV4Outcome {
        /** Returns the gateway response type AWS answers with. */
        GatewayResponseType type();

        /** Returns the message of the answer ({@code $context.error.message}). */
        String message();
    }

    /** The request carries no signature at all: 403 MISSING_AUTHENTICATION_TOKEN. */
    record MissingAuthentication() implements Failure {
        @Override
        public GatewayResponseType type() {
            return GatewayResponseType.MISSING_AUTHENTICATION_TOKEN;
        }

        @Override
        public String message() {
            return SigV4Messages.MISSING_AUTHENTICATION_TOKEN;
        }
    }

    /**
     * The signature is malformed, scoped to another region, service or day, or does not match: 403
     * INVALID_SIGNATURE.
     *
     * @param message AWS's message
     */
    record InvalidSignature(String message) implements Failure {
        @Override
        public GatewayResponseType type() {
            return GatewayResponseType.INVALID_SIGNATURE;
        }
    }

    /**
     * {@code X-Amz-Date} is more than 5 minutes away from the clock, or a presigned URL's {@code
     * X-Amz-Expires} has passed: 403 EXPIRED_TOKEN.
     *
     * @param message AWS's message
     */
    record Expired(String message) implements Failure {
        @Override
        public GatewayResponseType type() {
            return GatewayResponseType.EXPIRED_TOKEN;
        }
    }

    /**
     * The access key id is unknown, or the session token does not belong to its credentials: 403,
     * typed as INVALID_SIGNATURE (AWS's {@code UnrecognizedClientException} has no gateway response
     * type of its own).
     *
     * @param message AWS's message
     */
    record UnknownKey(String message) implements Failure {
        @Override
        public GatewayResponseType type() {
            return GatewayResponseType.INVALID_SIGNATURE;
        }
    }
}
