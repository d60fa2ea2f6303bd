package dev.apigw.runtime.auth.sigv4;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.spi.CredentialsResolver;
import dev.apigw.runtime.spi.IamCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the SigV4 signature of a request to an {@code AWS_IAM} method (reference 8.7): signed
 * for the service {@code execute-api} in the API's region, in the {@code Authorization} header form
 * or the query-string form, with the secret of the access key that the host's {@link
 * CredentialsResolver} returns. {@code X-Amz-Date} may be at most 5 minutes away from the injected
 * clock (a presigned URL is good from then until {@code X-Amz-Expires} seconds later), and when the
 * credentials are temporary the request's {@code X-Amz-Security-Token} must be their session token.
 * Signatures and tokens are compared in constant time; neither is ever logged.
 *
 * <p>Unsigned: 403 MISSING_AUTHENTICATION_TOKEN; malformed, wrongly scoped or not matching: 403
 * INVALID_SIGNATURE; out of the time window: 403 EXPIRED_TOKEN; unknown key or foreign session
 * token: 403 (reference 3.1 for the messages). The resolver is asked only once the signature's
 * form, scope and time have passed; an exception it throws goes through to the caller (the
 * pipeline's internal-error handler). Thread-safe if the resolver is.
 */
public final class SigV4Verifier {
    /** The service name requests to API Gateway are signed for. */
    public static final String SERVICE = "execute-api";

    private static final Logger LOG = LoggerFactory.getLogger(SigV4Verifier.class);
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    private final CredentialsResolver credentials;
    private final Clock clock;
    private final String region;
    private final boolean allowUnsignedPayload;

    /**
     * Creates a verifier for the API's region.
     *
     * @param credentials the host's credentials
     * @param clock the clock {@code X-Amz-Date} is checked against
     * @param region the API's region, e.g. {@code us-east-1}
     * @param allowUnsignedPayload whether {@code x-amz-content-sha256: UNSIGNED-PAYLOAD} may stand
     *     for the body's hash
     */
    public SigV4Verifier(
            CredentialsResolver credentials,
            Clock clock,
            String region,
            boolean allowUnsignedPayload) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.allowUnsignedPayload = allowUnsignedPayload;
    }

    /** Verifies the request's signature and returns the caller or AWS's refusal. */
    public SigV4Outcome verify(Request request) {
        ParsedSignature parsed = SignatureParser.parse(request);
        if (parsed instanceof ParsedSignature.Unsigned) {
            return new SigV4Outcome.MissingAuthentication();
        }
        if (parsed instanceof ParsedSignature.Malformed malformed) {
            return invalid(malformed.reason());
        }
        SignedRequest signed = (SignedRequest) parsed;
        if (!signed.service().equals(SERVICE)
                || !signed.region().equals(region)
                || !signed.terminator().equals("aws4_request")) {
            return invalid("credential scoped to another region or service");
        }
        if (!signed.signedHeaders().contains("host")) {
            return invalid("host is not a signed header");
        }
        Optional<Instant> date = parseDate(signed.amzDate());
        if (date.isEmpty() || !signed.amzDate().startsWith(signed.scopeDate())) {
            return invalid("X-Amz-Date unreadable or not the credential's date");
        }
        if (!withinTime(date.get(), signed)) {
            return new SigV4Outcome.Expired(SigV4Messages.EXPIRED_TOKEN);
        }
        Optional<IamCredentials> found = credentials.resolve(signed.accessKeyId());
        if (found.isEmpty() || !tokenMatches(found.get(), signed)) {
            return new SigV4Outcome.UnknownKey(SigV4Messages.UNKNOWN_KEY);
        }
        String canonical = CanonicalRequest.of(request, signed, payloadHash(request));
        String stringToSign = SigV4Crypto.stringToSign(signed, canonical);
        String expected =
                SigV4Crypto.signature(found.get().secretAccessKey(), signed, stringToSign);
        if (!SigV4Crypto.constantTimeEquals(expected, signed.signature())) {
            return invalid("signature mismatch");
        }
        IamCredentials caller = found.get();
        return new SigV4Outcome.Verified(
                signed.accessKeyId(), caller.accountId(), caller.userArn());
    }

    private boolean withinTime(Instant date, SignedRequest signed) {
        Instant now = clock.instant();
        if (date.isAfter(now.plus(MAX_SKEW))) {
            return false;
        }
        Duration validity = signed.expiresSeconds().map(Duration::ofSeconds).orElse(MAX_SKEW);
        return !now.isAfter(date.plus(validity));
    }

    private static boolean tokenMatches(IamCredentials found, SignedRequest signed) {
        Optional<String> expected = found.sessionToken();
        Optional<String> given = signed.securityToken();
        if (expected.isEmpty() || given.isEmpty()) {
            return expected.isEmpty() && given.isEmpty();
        }
        return SigV4Crypto.constantTimeEquals(expected.get(), given.get());
    }

    private String payloadHash(Request request) {
        Optional<String> declared = request.headers().first("X-Amz-Content-Sha256");
        if (allowUnsignedPayload && declared.map(UNSIGNED_PAYLOAD::equals).orElse(false)) {
            return UNSIGNED_PAYLOAD;
        }
        return SigV4Crypto.sha256Hex(request.body());
    }

    private static Optional<Instant> parseDate(String amzDate) {
        try {
            return Optional.of(LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static SigV4Outcome invalid(String reason) {
        LOG.debug("SigV4 signature refused: {}", reason);
        return new SigV4Outcome.InvalidSignature(SigV4Messages.INVALID_SIGNATURE);
    }
}
