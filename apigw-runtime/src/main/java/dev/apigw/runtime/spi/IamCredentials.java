package dev.apigw.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The IAM credentials of one access key, as a {@link CredentialsResolver} returns them: the secret
 * that signs, the caller's account and user ARN (they become {@code $context.identity.accountId}
 * and {@code userArn}, reference 1.2 and 8.7), for temporary credentials the session token a
 * request must carry in {@code X-Amz-Security-Token}, and optionally the caller's identity-based
 * IAM policy. {@link #toString()} never shows the secret or the token.
 *
 * <p>The identity policy is read for one action only: {@code execute-api:InvalidateCache}, the
 * permission a caller needs to invalidate a stage cache entry with {@code Cache-Control: max-age=0}
 * (reference 9.3, 8.7). {@code execute-api:Invoke} is not read from it: a verified caller of the
 * API's account may invoke unless a resource policy denies it.
 *
 * @param secretAccessKey the secret access key
 * @param accountId the 12-digit AWS account id of the caller
 * @param userArn the ARN of the IAM user or assumed role
 * @param sessionToken the session token of temporary credentials, empty for long-term keys
 * @param policy the caller's identity-based IAM policy document (JSON), empty when none
 */
public record IamCredentials(
        String secretAccessKey,
        String accountId,
        String userArn,
        Optional<String> sessionToken,
        Optional<String> policy) {

    /** Checks that no component is null. */
    public IamCredentials {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userArn, "userArn");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(policy, "policy");
    }

    /** Returns credentials without an identity policy. */
    public IamCredentials(
            String secretAccessKey,
            String accountId,
            String userArn,
            Optional<String> sessionToken) {
        this(secretAccessKey, accountId, userArn, sessionToken, Optional.empty());
    }

    /** Returns long-term credentials (no session token). */
    public static IamCredentials of(String secretAccessKey, String accountId, String userArn) {
        return new IamCredentials(secretAccessKey, accountId, userArn, Optional.empty());
    }

    /** Returns a copy of these credentials that are temporary, with the given session token. */
    public IamCredentials withSessionToken(String token) {
        return new IamCredentials(
                secretAccessKey,
                accountId,
                userArn,
                Optional.of(Objects.requireNonNull(token)),
                policy);
    }

    /**
     * Returns a copy of these credentials whose caller has the identity-based IAM policy {@code
     * policyJson}, e.g. one allowing {@code execute-api:InvalidateCache} on {@code
     * arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/*}.
     */
    public IamCredentials withPolicy(String policyJson) {
        return new IamCredentials(
                secretAccessKey,
                accountId,
                userArn,
                sessionToken,
                Optional.of(Objects.requireNonNull(policyJson)));
    }

    /** Returns the account and user ARN only: the secret and the token are never shown. */
    @Override
    public String toString() {
        return "IamCredentials[accountId=" + accountId + ", userArn=" + userArn + "]";
    }
}
