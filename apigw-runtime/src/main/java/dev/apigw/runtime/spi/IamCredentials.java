package dev.apigw.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The IAM credentials of one access key, as a {@link CredentialsResolver} returns them: the secret
 * that signs, the caller's account and user ARN (they become {@code $context.identity.accountId}
 * and {@code userArn}, reference 1.2 and 8.7) and, for temporary credentials, the session token a
 * request must carry in {@code X-Amz-Security-Token}. {@link #toString()} never shows the secret or
 * the token.
 *
 * @param secretAccessKey the secret access key
 * @param accountId the 12-digit AWS account id of the caller
 * @param userArn the ARN of the IAM user or assumed role
 * @param sessionToken the session token of temporary credentials, empty for long-term keys
 */
public record IamCredentials(
        String secretAccessKey, String accountId, String userArn, Optional<String> sessionToken) {

    /** Checks that no component is null. */
    public IamCredentials {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userArn, "userArn");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /** Returns long-term credentials (no session token). */
    public static IamCredentials of(String secretAccessKey, String accountId, String userArn) {
        return new IamCredentials(secretAccessKey, accountId, userArn, Optional.empty());
    }

    /** Returns a copy of these credentials that are temporary, with the given session token. */
    public IamCredentials withSessionToken(String token) {
        return new IamCredentials(
                secretAccessKey, accountId, userArn, Optional.of(Objects.requireNonNull(token)));
    }

    /** Returns the account and user ARN only: the secret and the token are never shown. */
    @Override
    public String toString() {
        return "IamCredentials[accountId=" + accountId + ", userArn=" + userArn + "]";
    }
}
