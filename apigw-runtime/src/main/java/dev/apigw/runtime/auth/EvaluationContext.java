package dev.apigw.runtime.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The request facts a policy's conditions and principals read (reference 8.8, condition keys): the
 * current time ({@code aws:CurrentTime}, {@code aws:EpochTime}), the source IP ({@code
 * aws:SourceIp}), the caller's account and ARN when authenticated by IAM ({@code
 * aws:PrincipalAccount}, {@code aws:PrincipalArn}) and any other string key ({@code
 * aws:SourceVpce}, {@code aws:Referer}...). Condition key names are case-insensitive, as in IAM.
 */
public final class EvaluationContext {
    private final Instant currentTime;
    private final String principalAccount;
    private final String principalArn;
    private final Map<String, String> keys;

    private EvaluationContext(
            Instant currentTime,
            String principalAccount,
            String principalArn,
            Map<String, String> keys) {
        this.currentTime = currentTime;
        this.principalAccount = principalAccount;
        this.principalArn = principalArn;
        this.keys = Map.copyOf(keys);
    }

    /** Returns the context of an anonymous caller at {@code currentTime}, with no other key. */
    public static EvaluationContext anonymous(Instant currentTime) {
        return new EvaluationContext(
                Objects.requireNonNull(currentTime, "currentTime"), null, null, Map.of());
    }

    /** Returns this context with the source IP ({@code aws:SourceIp}) set. */
    public EvaluationContext withSourceIp(String sourceIp) {
        return withKey("aws:SourceIp", sourceIp);
    }

    /**
     * Returns this context for an authenticated caller: {@code aws:PrincipalAccount} and {@code
     * aws:PrincipalArn} are set and the caller matches principals naming that account or ARN.
     */
    public EvaluationContext withPrincipal(String account, String arn) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Map<String, String> more = new HashMap<>(keys);
        more.put(normalise("aws:PrincipalAccount"), account);
        more.put(normalise("aws:PrincipalArn"), arn);
        return new EvaluationContext(currentTime, account, arn, more);
    }

    /** Returns this context with one more string condition key (the name in any case). */
    public EvaluationContext withKey(String name, String value) {
        Objects.requireNonNull(value, name);
        Map<String, String> more = new HashMap<>(keys);
        more.put(normalise(name), value);
        return new EvaluationContext(currentTime, principalAccount, principalArn, more);
    }

    /** Returns the time {@code aws:CurrentTime} and {@code aws:EpochTime} stand for. */
    public Instant currentTime() {
        return currentTime;
    }

    /** Returns the caller's account id, if the caller is authenticated by IAM. */
    public Optional<String> principalAccount() {
        return Optional.ofNullable(principalAccount);
    }

    /** Returns the caller's ARN, if the caller is authenticated by IAM. */
    public Optional<String> principalArn() {
        return Optional.ofNullable(principalArn);
    }

    /** Returns the value of a condition key (the name in any case), if the request has it. */
    public Optional<String> key(String name) {
        String normal = normalise(name);
        if (normal.equals("aws:currenttime")) {
            return Optional.of(currentTime.toString());
        }
        if (normal.equals("aws:epochtime")) {
            return Optional.of(Long.toString(currentTime.getEpochSecond()));
        }
        return Optional.ofNullable(keys.get(normal));
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
