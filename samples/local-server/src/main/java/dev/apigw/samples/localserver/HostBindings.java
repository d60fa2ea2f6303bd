package dev.apigw.samples.localserver;

import dev.apigw.runtime.Api;
import dev.apigw.runtime.http.AwsEndpointBackend;
import dev.apigw.runtime.spi.IamCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binds what the command line gives for access control: each {@code --jwks POOL=SOURCE} as the key
 * set of a Cognito user pool, and each {@code --jwks ISSUER=SOURCE} (an issuer URL, passed through
 * unchanged) as the key set of an HTTP API JWT authorizer's issuer (reference 8.5), SOURCE a file,
 * read now, or an http(s) URL, fetched when a token first needs it; and the {@code --credentials
 * KEY=SECRET} pairs as the IAM credentials {@code AWS_IAM} methods accept, each caller a user of
 * the API's own account: {@code arn:aws:iam::{account}:user/{KEY}}; and with {@code
 * --aws-endpoint}, an {@link AwsEndpointBackend} that sends the API's AWS service integrations
 * (reference 4.2) to the endpoints given, signed with the keys of the environment ({@code
 * AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), or LocalStack's
 * {@code test}/{@code test} when the key or the secret is unset.
 */
final class HostBindings {
    private HostBindings() {}

    /** The access key id and secret used when the environment has none: LocalStack's. */
    static final String DEFAULT_KEY = "test";

    /**
     * Binds the key sets, credentials and AWS endpoints of {@code options} to an API being built.
     */
    static void apply(ServerOptions options, String accountId, Api.Builder api) {
        awsBackend(options, System.getenv()).ifPresent(api::awsServiceBackend);
        options.jwks().forEach((pool, source) -> bindKeySet(api, pool, source));
        Map<String, IamCredentials> known = iamUsers(options, accountId);
        if (!known.isEmpty()) {
            api.credentials(key -> Optional.ofNullable(known.get(key)));
        }
    }

    /**
     * Returns the IAM users of {@code --credentials} by access key, each a user of the account
     * {@code accountId} (reference 8.7); empty without the flag.
     */
    static Map<String, IamCredentials> iamUsers(ServerOptions options, String accountId) {
        Map<String, IamCredentials> byKey = new LinkedHashMap<>();
        options.credentials()
                .forEach(
                        (key, secret) ->
                                byKey.put(
                                        key,
                                        IamCredentials.of(
                                                secret, accountId, userArn(accountId, key))));
        return Map.copyOf(byKey);
    }

    /**
     * Returns the backend of the {@code --aws-endpoint} flags, signing with the keys of {@code
     * env}; empty without the flag.
     */
    static Optional<AwsEndpointBackend> awsBackend(ServerOptions options, Map<String, String> env) {
        if (!options.hasAwsEndpoints()) {
            return Optional.empty();
        }
        String key = env.getOrDefault("AWS_ACCESS_KEY_ID", "");
        String secret = env.getOrDefault("AWS_SECRET_ACCESS_KEY", "");
        AwsEndpointBackend.Builder backend = AwsEndpointBackend.builder();
        if (key.isEmpty() || secret.isEmpty()) {
            backend.credentials(DEFAULT_KEY, DEFAULT_KEY, "");
        } else {
            backend.credentials(key, secret, env.getOrDefault("AWS_SESSION_TOKEN", ""));
        }
        options.awsEndpoint().ifPresent(backend::defaultEndpoint);
        options.awsServiceEndpoints().forEach(backend::endpoint);
        return Optional.of(backend.build());
    }

    /** Returns the ARN of the caller signing with {@code key}. */
    static String userArn(String accountId, String key) {
        return "arn:aws:iam::" + accountId + ":user/" + key;
    }

    private static void bindKeySet(Api.Builder api, String key, String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                api.jwks(key, URI.create(source));
            } else {
                api.jwks(key, Path.of(source));
            }
        } catch (IllegalArgumentException e) {
            throw LaunchException.failure("--jwks " + key + "=" + source + ": " + e.getMessage());
        }
    }
}
