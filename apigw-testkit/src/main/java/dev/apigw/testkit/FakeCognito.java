package dev.apigw.testkit;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.apigw.runtime.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A Cognito user pool for tests, so that a {@code COGNITO_USER_POOLS} authorizer (reference 8.4)
 * runs without AWS: it makes an RSA key pair, publishes its JSON Web Key Set and mints RS256 ID and
 * access tokens shaped as Cognito's, issued at its clock's time and signed with its key (a {@link
 * FakeJwtIssuer} of the pool's issuer URL, so its tokens serve HTTP API JWT authorizers too).
 *
 * <pre>{@code
 * FakeCognito cognito = FakeCognito.create();          // pool us-east-1_FakePool1
 * Api api = cognito.bindTo(Api.builder().restApi(definition).deploy("dev")).build();
 * String token = cognito.idToken(t -> t.subject("user-1").claim("custom:role", "admin"));
 * api.handle(Request.builder().method("GET").target("/dev/pets")
 *         .header("Authorization", token).build());
 * }</pre>
 *
 * <p>The authorizer's {@code providerARNs} must name {@link #providerArn()}. Tokens last an hour by
 * default ({@link Token#expiresIn}); with the API's {@link ManualClock} given as the clock ({@link
 * #withClock}), advancing it past that expires them. Immutable and thread-safe.
 */
public final class FakeCognito {
    /** The default region. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** The default pool id. */
    public static final String DEFAULT_POOL_ID = "us-east-1_FakePool1";

    /** The default account id (that of {@link dev.apigw.runtime.Gateway}'s default). */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    /**
     * The default app client id: the ID tokens' {@code aud}, the access tokens' {@code client_id}.
     */
    public static final String DEFAULT_CLIENT_ID = "fakeclient0123456789abcdef";

    private final String region;
    private final String poolId;
    private final String accountId;
    private final String clientId;
    private final FakeJwtIssuer signer;
    private final Clock clock;

    private FakeCognito(
            String region,
            String poolId,
            String accountId,
            String clientId,
            FakeJwtIssuer signer,
            Clock clock) {
        this.region = region;
        this.poolId = poolId;
        this.accountId = accountId;
        this.clientId = clientId;
        this.signer = signer;
        this.clock = clock;
    }

    /** Returns a pool with the defaults: {@value FakeCognito#DEFAULT_POOL_ID}, the system clock. */
    public static FakeCognito create() {
        return builder().build();
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns this pool (same keys) minting tokens at another clock's time. */
    public FakeCognito withClock(Clock clock) {
        return new FakeCognito(
                region, poolId, accountId, clientId, signer, Objects.requireNonNull(clock));
    }

    /** Returns the pool id, e.g. {@code us-east-1_FakePool1}. */
    public String poolId() {
        return poolId;
    }

    /** Returns the pool's region. */
    public String region() {
        return region;
    }

    /** Returns the app client id of the tokens. */
    public String clientId() {
        return clientId;
    }

    /** Returns {@code arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}}. */
    public String providerArn() {
        return "arn:aws:cognito-idp:" + region + ":" + accountId + ":userpool/" + poolId;
    }

    /** Returns the tokens' issuer, {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}. */
    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
    }

    /** Returns the {@code kid} of the signing key. */
    public String keyId() {
        return signer.keyId();
    }

    /** Returns the public signing key. */
    public RSAPublicKey publicKey() {
        return signer.publicKey();
    }

    /** Returns the private signing key, to forge tokens of other shapes. */
    public RSAPrivateKey privateKey() {
        return signer.privateKey();
    }

    /**
     * Returns the pool's JSON Web Key Set: {@code {"keys":[{"kty":"RSA",...}]}}, public keys only.
     */
    public String jwks() {
        return signer.jwks();
    }

    /** Writes the key set to a file (for the local server's {@code --jwks POOL=FILE}). */
    public Path writeJwks(Path file) {
        return signer.writeJwks(file);
    }

    /** Binds this pool's key set to an API being built ({@code Api.Builder.jwks}); returns it. */
    public Api.Builder bindTo(Api.Builder api) {
        return api.jwks(poolId, jwks());
    }

    /** Returns an ID token of user {@code user-1}. */
    public String idToken() {
        return idToken(t -> {});
    }

    /**
     * Returns an ID token ({@code token_use: id}, {@code aud} the client id), for methods without
     * {@code authorizationScopes}, with the claims {@code spec} sets.
     */
    public String idToken(Consumer<Token> spec) {
        return mint(new Token(true), spec);
    }

    /**
     * Returns an access token ({@code token_use: access}, {@code client_id}, no {@code aud}) with
     * these scopes, for methods with {@code authorizationScopes}.
     */
    public String accessToken(String... scopes) {
        return accessToken(t -> t.scopes(scopes));
    }

    /** Returns an access token with the claims {@code spec} sets. */
    public String accessToken(Consumer<Token> spec) {
        return mint(new Token(false), spec);
    }

    private String mint(Token token, Consumer<Token> spec) {
        spec.accept(token);
        Instant issued = token.issuedAt != null ? token.issuedAt : clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        claims.subject(token.subject);
        if (token.id) {
            claims.audience(token.clientId != null ? token.clientId : clientId);
        } else {
            claims.claim("client_id", token.clientId != null ? token.clientId : clientId);
        }
        claims.claim("token_use", token.id ? "id" : "access");
        if (!token.id) {
            claims.claim("scope", token.scope);
        }
        claims.claim("auth_time", issued.getEpochSecond());
        claims.issuer(token.issuer != null ? token.issuer : issuer());
        claims.claim(token.id ? "cognito:username" : "username", token.username);
        claims.expirationTime(Date.from(issued.plus(token.expiresIn)));
        claims.issueTime(Date.from(issued));
        if (token.notBefore != null) {
            claims.notBeforeTime(Date.from(token.notBefore));
        }
        claims.jwtID(
                UUID.nameUUIDFromBytes((token.subject + issued).getBytes(StandardCharsets.UTF_8))
                        .toString());
        token.claims.forEach(claims::claim);
        return signer.sign(claims.build());
    }

    @Override
    public String toString() {
        return "FakeCognito[" + poolId + "]";
    }

    /** The claims of a token being minted; every setter returns it. */
    public static final class Token {
        private final boolean id;
        private String subject = "user-1";
        private String username = "user-1";
        private String clientId;
        private String issuer;
        private String scope = "";
        private Duration expiresIn = Duration.ofHours(1);
        private Instant issuedAt;
        private Instant notBefore;
        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Token(boolean id) {
            this.id = id;
        }

        /** Sets {@code sub} (default {@code user-1}). */
        public Token subject(String subject) {
            this.subject = Objects.requireNonNull(subject);
            return this;
        }

        /** Sets {@code cognito:username} (ID token) or {@code username} (access token). */
        public Token username(String username) {
            this.username = Objects.requireNonNull(username);
            return this;
        }

        /** Sets {@code email} and {@code email_verified: true}. */
        public Token email(String email) {
            claims.put("email", email);
            claims.put("email_verified", true);
            return this;
        }

        /**
         * Sets a claim, e.g. {@code claim("custom:role", "admin")} or {@code
         * claim("cognito:groups", List.of("admins"))}; {@code null} removes it.
         */
        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /**
         * Sets the app client id: the ID token's {@code aud}, the access token's {@code client_id}.
         */
        public Token clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Sets another {@code iss} than the pool's. */
        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Sets the access token's {@code scope} claim, the scopes separated by spaces. */
        public Token scopes(String... scopes) {
            this.scope = String.join(" ", scopes);
            return this;
        }

        /**
         * Sets how long after {@code iat} the token expires (default one hour; may be negative).
         */
        public Token expiresIn(Duration expiresIn) {
            this.expiresIn = Objects.requireNonNull(expiresIn);
            return this;
        }

        /** Sets {@code iat} (and {@code auth_time}); by default the pool clock's time. */
        public Token issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** Sets {@code nbf} (Cognito sets none). */
        public Token notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }
    }

    /** Builds a {@link FakeCognito}. */
    public static final class Builder {
        private String region = DEFAULT_REGION;
        private String poolId;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private String clientId = DEFAULT_CLIENT_ID;
        private String keyId = "fake-cognito-key-1";
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Sets the region (default {@value FakeCognito#DEFAULT_REGION}). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Sets the pool id (default {@code {region}_FakePool1}). */
        public Builder poolId(String poolId) {
            this.poolId = Objects.requireNonNull(poolId);
            return this;
        }

        /**
         * Sets the account id of the provider ARN (default {@value
         * FakeCognito#DEFAULT_ACCOUNT_ID}).
         */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /** Sets the app client id (default {@value FakeCognito#DEFAULT_CLIENT_ID}). */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId);
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

        /** Makes the key pair (RSA 2048) and builds the pool. */
        public FakeCognito build() {
            String pool = poolId != null ? poolId : region + "_FakePool1";
            String issuer = "https://cognito-idp." + region + ".amazonaws.com/" + pool;
            FakeJwtIssuer signer =
                    FakeJwtIssuer.of(issuer, clientId, FakeJwtIssuer.newKey(keyId), clock);
            return new FakeCognito(region, pool, accountId, clientId, signer, clock);
        }
    }
}
