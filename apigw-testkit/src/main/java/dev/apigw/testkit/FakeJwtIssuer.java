package dev.apigw.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.runtime.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A JWT issuer for tests of HTTP API JWT authorizers (reference 8.5): it makes an RSA key pair,
 * publishes its JSON Web Key Set and mints tokens for its issuer and audience, signed with its key
 * and issued at its clock's time. Hostile tokens are one call away: {@link #unsignedToken} ({@code
 * alg: none}), {@link #hmacToken} (HS256 keyed with the public key), {@link Token#keyId} (an
 * unknown {@code kid}), {@link Token#expiresIn} with a negative duration.
 *
 * <pre>{@code
 * FakeJwtIssuer issuer = FakeJwtIssuer.create();   // https://issuer.example.com, audience api
 * Api api = issuer.bindTo(Api.builder().httpApi(definition)).build();
 * String token = issuer.token(t -> t.subject("user-1").scopes("pets/read"));
 * api.handle(Request.builder().method("GET").target("/pets")
 *         .header("Authorization", "Bearer " + token).build());
 * }</pre>
 *
 * <p>Tokens last an hour by default; with the API's {@link ManualClock} given as the clock,
 * advancing it past that expires them. Immutable and thread-safe.
 */
public final class FakeJwtIssuer {
    /** The default issuer URL. */
    public static final String DEFAULT_ISSUER = "https://issuer.example.com";

    /** The default audience, the tokens' {@code aud}. */
    public static final String DEFAULT_AUDIENCE = "api";

    private final String issuer;
    private final String audience;
    private final RSAKey key;
    private final Clock clock;

    private FakeJwtIssuer(String issuer, String audience, RSAKey key, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.key = key;
        this.clock = clock;
    }

    /** Returns an issuer with the defaults and the system clock. */
    public static FakeJwtIssuer create() {
        return builder().build();
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns this issuer (same key) minting tokens at another clock's time. */
    public FakeJwtIssuer withClock(Clock clock) {
        return new FakeJwtIssuer(issuer, audience, key, Objects.requireNonNull(clock));
    }

    /** Returns the issuer URL, the tokens' {@code iss} and the authorizer's issuer. */
    public String issuer() {
        return issuer;
    }

    /** Returns the tokens' default audience. */
    public String audience() {
        return audience;
    }

    /** Returns the {@code kid} of the signing key. */
    public String keyId() {
        return key.getKeyID();
    }

    /** Returns the public signing key. */
    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the private signing key, to forge tokens of other shapes. */
    public RSAPrivateKey privateKey() {
        try {
            return key.toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the JSON Web Key Set: {@code {"keys":[{"kty":"RSA",...}]}}, public keys only. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /**
     * Returns the OpenID configuration an issuer serves at {@code
     * /.well-known/openid-configuration}, naming {@code jwksUri} as its key set.
     */
    public String openIdConfiguration(String jwksUri) {
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}";
    }

    /** Writes the key set to a file (for the local server's {@code --jwks ISSUER=FILE}). */
    public Path writeJwks(Path file) {
        try {
            return Files.writeString(file, jwks(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binds this issuer's key set to an API being built ({@code Api.Builder.jwks}); returns it. */
    public Api.Builder bindTo(Api.Builder api) {
        return api.jwks(issuer, jwks());
    }

    /** Returns a valid token of subject {@code user-1}. */
    public String token() {
        return token(t -> {});
    }

    /** Returns a token with the claims and header {@code spec} sets, signed with the key. */
    public String token(Consumer<Token> spec) {
        Token token = new Token();
        spec.accept(token);
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(token.algorithm)
                                .keyID(token.keyId != null ? token.keyId : key.getKeyID())
                                .build(),
                        claims(token));
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Returns an unsigned token ({@code alg: none}) with these claims. */
    public String unsignedToken(Consumer<Token> spec) {
        Token token = new Token();
        spec.accept(token);
        return new PlainJWT(claims(token)).serialize();
    }

    /**
     * Returns an HS256 token keyed with the public key's encoded bytes, naming the key's {@code
     * kid}: the algorithm-confusion attack a verifier must refuse.
     */
    public String hmacToken(Consumer<Token> spec) {
        Token token = new Token();
        spec.accept(token);
        byte[] secret = Arrays.copyOf(publicKey().getEncoded(), 64);
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                        claims(token));
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Signs claims as RS256 with this issuer's key (for {@link FakeCognito}). */
    String sign(JWTClaimsSet claims) {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Returns a new RSA 2048 signing key with this {@code kid}. */
    static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns an issuer of this key, for {@link FakeCognito}. */
    static FakeJwtIssuer of(String issuer, String audience, RSAKey key, Clock clock) {
        return new FakeJwtIssuer(issuer, audience, key, clock);
    }

    private JWTClaimsSet claims(Token token) {
        Instant issued = token.issuedAt != null ? token.issuedAt : clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        claims.issuer(token.issuer != null ? token.issuer : issuer);
        claims.subject(token.subject);
        if (token.clientId != null) {
            claims.claim("client_id", token.clientId);
        } else {
            claims.audience(token.audience != null ? token.audience : List.of(audience));
        }
        if (token.scope != null) {
            claims.claim("scope", token.scope);
        }
        claims.issueTime(Date.from(issued));
        claims.expirationTime(Date.from(issued.plus(token.expiresIn)));
        if (token.notBefore != null) {
            claims.notBeforeTime(Date.from(token.notBefore));
        }
        token.claims.forEach(claims::claim);
        return claims.build();
    }

    @Override
    public String toString() {
        return "FakeJwtIssuer[" + issuer + "]";
    }

    /** The claims and header of a token being minted; every setter returns it. */
    public static final class Token {
        private String subject = "user-1";
        private String issuer;
        private List<String> audience;
        private String clientId;
        private String scope;
        private Duration expiresIn = Duration.ofHours(1);
        private Instant issuedAt;
        private Instant notBefore;
        private String keyId;
        private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Token() {}

        /** Sets {@code sub} (default {@code user-1}). */
        public Token subject(String subject) {
            this.subject = Objects.requireNonNull(subject);
            return this;
        }

        /** Sets another {@code iss} than the issuer's. */
        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Sets {@code aud} (default the issuer's audience). */
        public Token audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** Sets {@code client_id} instead of {@code aud}, as Cognito access tokens carry it. */
        public Token clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Sets the {@code scope} claim, the scopes separated by spaces. */
        public Token scopes(String... scopes) {
            this.scope = String.join(" ", scopes);
            return this;
        }

        /** Sets the {@code scp} claim, an array of scopes (as Okta and Entra ID write it). */
        public Token scp(String... scopes) {
            claims.put("scp", List.of(scopes));
            return this;
        }

        /** Sets a claim of any JSON type; {@code null} removes it. */
        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /**
         * Sets how long after {@code iat} the token expires (default one hour; may be negative).
         */
        public Token expiresIn(Duration expiresIn) {
            this.expiresIn = Objects.requireNonNull(expiresIn);
            return this;
        }

        /** Sets {@code iat}; by default the issuer clock's time. */
        public Token issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** Sets {@code nbf} (none by default). */
        public Token notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        /** Sets the header's {@code kid} (default the key's). */
        public Token keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        /** Sets an RSA signing algorithm: {@code RS256} (default) to {@code PS512}. */
        public Token algorithm(String algorithm) {
            this.algorithm = JWSAlgorithm.parse(algorithm);
            return this;
        }
    }

    /** Builds a {@link FakeJwtIssuer}. */
    public static final class Builder {
        private String issuer = DEFAULT_ISSUER;
        private String audience = DEFAULT_AUDIENCE;
        private String keyId = "fake-issuer-key-1";
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Sets the issuer URL (default {@value FakeJwtIssuer#DEFAULT_ISSUER}). */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer);
            return this;
        }

        /** Sets the default audience (default {@value FakeJwtIssuer#DEFAULT_AUDIENCE}). */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience);
            return this;
        }

        /** Sets the signing key's {@code kid}. */
        public Builder keyId(String keyId) {
            this.keyId = Objects.requireNonNull(keyId);
            return this;
        }

        /** Sets the clock tokens are issued by (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Makes the key pair (RSA 2048) and builds the issuer. */
        public FakeJwtIssuer build() {
            return new FakeJwtIssuer(issuer, audience, newKey(keyId), clock);
        }
    }
}
