package dev.apigw.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.apigw.runtime.pipeline.AttributeKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON Web Key Set of one Cognito user pool (reference 8.4) or of one JWT issuer of HTTP APIs
 * (reference 8.5), as the host bound it: a document or a file, parsed when bound, or an http(s)
 * URL, fetched on first use (1,500 ms timeout, at most 150,000 bytes, the limits reference 8.5
 * gives for HTTP APIs' key sets) and kept once fetched; a failed fetch is logged and tried again by
 * the next token. An issuer nobody bound a set for is {@linkplain #discovered discovered} as AWS
 * does: its OpenID configuration names the set's {@code jwks_uri}. The key of a set is a pool id,
 * or an issuer URL ({@link #isIssuer}). Only the set's RSA signing keys are kept, each ready to
 * verify the RSA signatures (RS256 to RS512, PS256 to PS512). Thread-safe.
 */
public final class UserPoolKeys {
    /** The fetch timeout of a key set URL (reference 8.5). */
    public static final Duration FETCH_TIMEOUT = Duration.ofMillis(1_500);

    /**
     * The host's key sets by pool id or issuer URL, among the API's bindings ({@code
     * Backends#binding}).
     */
    public static final AttributeKey<Map<String, UserPoolKeys>> BINDINGS =
            AttributeKey.of("userPoolKeys");

    private static final Logger LOG = LoggerFactory.getLogger(UserPoolKeys.class);

    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final String poolId;
    private final String source;
    private final Download download;
    private volatile Map<String, JWSVerifier> verifiers;

    /** Fetches a key set document. */
    @FunctionalInterface
    private interface Download {
        String fetch() throws IOException, InterruptedException;
    }

    private UserPoolKeys(
            String poolId, String source, Download download, Map<String, JWSVerifier> verifiers) {
        this.poolId = Objects.requireNonNull(poolId, "poolId");
        this.source = source;
        this.download = download;
        this.verifiers = verifiers;
    }

    /** Returns whether a key names a JWT issuer ({@code https://...} or {@code http://...}). */
    public static boolean isIssuer(String key) {
        return key.startsWith("https://") || key.startsWith("http://");
    }

    private static String owner(String key) {
        return (isIssuer(key) ? "issuer " : "user pool ") + key;
    }

    /**
     * Returns the key set of a JSON document; fails with {@link IllegalArgumentException} naming
     * the pool when it is not a key set.
     */
    public static UserPoolKeys of(String poolId, String jwksJson) {
        return new UserPoolKeys(poolId, "document", null, parse(poolId, "document", jwksJson));
    }

    /**
     * Returns the key set of a file, read and parsed now; fails with {@link
     * IllegalArgumentException} naming the pool and the file.
     */
    public static UserPoolKeys file(String poolId, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(
                    "JSON Web Key Set of " + owner(poolId) + ": cannot read " + file + ": " + e, e);
        }
        return new UserPoolKeys(
                poolId, file.toString(), null, parse(poolId, file.toString(), text));
    }

    /** Returns the key set at an http(s) URL, fetched on first use with {@link #FETCH_TIMEOUT}. */
    public static UserPoolKeys url(String poolId, URI url) {
        return url(poolId, url, FETCH_TIMEOUT);
    }

    /** Returns the key set at an http(s) URL, fetched on first use with this timeout. */
    public static UserPoolKeys url(String poolId, URI url, Duration timeout) {
        checkHttp(owner(poolId), url);
        JwksDownload download = new JwksDownload(url, timeout);
        return new UserPoolKeys(poolId, url.toString(), download::fetch, null);
    }

    /**
     * Returns the key set of a JWT issuer nobody bound one for, found as AWS finds it (reference
     * 8.5): on first use, {@code {issuer}/.well-known/openid-configuration} is fetched and the key
     * set at its {@code jwks_uri}, each within {@code timeout} and at most 150,000 bytes.
     */
    public static UserPoolKeys discovered(String issuer, Duration timeout) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI configuration;
        try {
            configuration = URI.create(base + DISCOVERY_PATH);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("issuer " + issuer + " is not a URL", e);
        }
        checkHttp("issuer " + issuer, configuration);
        JwksDownload discovery = new JwksDownload(configuration, timeout);
        Download keys = () -> new JwksDownload(jwksUri(issuer, discovery.fetch()), timeout).fetch();
        return new UserPoolKeys(issuer, configuration.toString(), keys, null);
    }

    private static URI jwksUri(String issuer, String configuration) throws IOException {
        Object uri;
        try {
            uri = JSONObjectUtils.parse(configuration).get("jwks_uri");
        } catch (ParseException e) {
            throw new IOException("the OpenID configuration is not a JSON object", e);
        }
        if (!(uri instanceof String text)) {
            throw new IOException("the OpenID configuration has no jwks_uri");
        }
        try {
            URI url = new URI(text);
            checkHttp("issuer " + issuer, url);
            return url;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("jwks_uri is not an http(s) URL: " + text, e);
        }
    }

    private static void checkHttp(String owner, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "JSON Web Key Set of " + owner + ": not an http(s) URL: " + url);
        }
    }

    /** Returns the pool id, as in the pool's ARN, or the issuer URL. */
    public String poolId() {
        return poolId;
    }

    /** Returns where the set comes from: {@code document}, a file or a URL. */
    public String source() {
        return source;
    }

    /**
     * Returns the RSA verifier of the key with this {@code kid}; empty when the set has no such RSA
     * key or, for a URL, could not be fetched.
     */
    public Optional<JWSVerifier> verifier(String kid) {
        Map<String, JWSVerifier> loaded = verifiers != null ? verifiers : load();
        return Optional.ofNullable(loaded.get(kid));
    }

    private synchronized Map<String, JWSVerifier> load() {
        if (verifiers != null) {
            return verifiers;
        }
        try {
            verifiers = parse(poolId, source, download.fetch());
            return verifiers;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn(
                    "JSON Web Key Set of {} not fetched from {}: {}",
                    owner(poolId),
                    source,
                    e.getMessage());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static Map<String, JWSVerifier> parse(String poolId, String source, String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "JSON Web Key Set of "
                            + owner(poolId)
                            + " ("
                            + source
                            + ") is not a key set: "
                            + e.getMessage(),
                    e);
        }
        Map<String, JWSVerifier> byKid = new LinkedHashMap<>();
        for (JWK key : set.getKeys()) {
            if (key instanceof RSAKey rsa
                    && key.getKeyID() != null
                    && (key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))) {
                try {
                    byKid.putIfAbsent(key.getKeyID(), new RSASSAVerifier(rsa));
                } catch (JOSEException e) {
                    throw new IllegalArgumentException(
                            "JSON Web Key Set of "
                                    + owner(poolId)
                                    + ": key "
                                    + key.getKeyID()
                                    + " is not a usable RSA key: "
                                    + e.getMessage(),
                            e);
                }
            }
        }
        return Map.copyOf(byKid);
    }
}
