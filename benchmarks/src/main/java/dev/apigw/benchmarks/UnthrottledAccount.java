package dev.apigw.benchmarks;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.Gateway;

/**
 * The account of the benchmarks that measure something other than throttling: its account limit
 * (reference 9.4) is far above any rate a benchmark reaches, so that no request is answered 429
 * after the default burst of 5,000, while the account's bucket is still taken as on every request.
 */
final class UnthrottledAccount {
    /** A limit of about two billion requests a second and as many in a burst. */
    static final ThrottleSettings LIMIT =
            new ThrottleSettings(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private UnthrottledAccount() {}

    /** Returns a new account with the default clock and {@link #LIMIT} as its account limit. */
    static Gateway create() {
        return Gateway.builder().accountThrottle(LIMIT).build();
    }
}
