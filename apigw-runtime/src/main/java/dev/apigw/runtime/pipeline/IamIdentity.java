package dev.apigw.runtime.pipeline;

import java.util.Objects;

/**
 * The IAM caller of an {@code AWS_IAM} method whose SigV4 signature verified (reference 8.7): what
 * {@code $context.identity.*} (reference 1.2) and the Lambda proxy event's {@code
 * requestContext.identity} (reference 2.1) show of it.
 *
 * @param accessKey the access key id that signed ({@code identity.accessKey})
 * @param accountId the caller's account ({@code identity.accountId})
 * @param caller the principal id of the signer ({@code identity.caller})
 * @param user the principal to be authorized ({@code identity.user})
 * @param userArn the ARN of the IAM user or role ({@code identity.userArn})
 */
public record IamIdentity(
        String accessKey, String accountId, String caller, String user, String userArn) {
    /** Checks that no component is null. */
    public IamIdentity {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(userArn, "userArn");
    }
}
