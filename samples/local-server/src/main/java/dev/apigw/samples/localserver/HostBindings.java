package dev.apigw.samples.localserver;

import dev.apigw.runtime.Api;
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
 * the API's own account: {@code arn:aws:iam::{account}:user/{KEY}}.
 */
final class HostBindings {
    private HostBindings() {}

    /** Binds the key sets and credentials of {@code options} to an API being built. */
    static void apply(ServerOptions options, String accountId, Api.Builder api) {
        options.jwks().forEach((pool, source) -> bindKeySet(api, pool, source));
        if (!options.credentials().isEmpty()) {
            Map<String, IamCredentials> byKey = new LinkedHashMap<>();
            options.credentials()
                    .forEach(
                            (key, secret) ->
                                    byKey.put(
                                            key,
                                            IamCredentials.of(
                                                    secret, accountId, userArn(accountId, key))));
            Map<String, IamCredentials> known = Map.copyOf(byKey);
            api.credentials(key -> Optional.ofNullable(known.get(key)));
        }
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
