package dev.apigw.runtime.auth;

/**
 * Thrown when a policy document is not a valid IAM policy; the message names the JSON place ({@code
 * Statement[1].Condition.IpAddress.aws:SourceIp}) and what is wrong there (reference 8.8).
 */
public final class MalformedPolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Makes the exception for the JSON place {@code place} with the reason {@code reason}. */
    public MalformedPolicyException(String place, String reason) {
        super("policy document: " + place + ": " + reason);
    }
}
