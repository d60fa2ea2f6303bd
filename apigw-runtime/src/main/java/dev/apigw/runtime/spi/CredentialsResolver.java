package dev.apigw.runtime.spi;

import java.util.Optional;

/**
 * Looks up the IAM credentials behind an access key id, for methods with {@code authorizationType:
 * AWS_IAM}: the runtime verifies a request's SigV4 signature with the secret it returns (reference
 * 8.7). An empty answer means the key is unknown, and the caller gets AWS's 403.
 *
 * <p>Implementations must be thread-safe: the runtime calls them from many request threads at once.
 * They should answer from memory, as they are called on every signed request.
 */
@FunctionalInterface
public interface CredentialsResolver {
    /** Returns the credentials of the access key id, or empty if the key is unknown. */
    Optional<IamCredentials> resolve(String accessKeyId);
}
