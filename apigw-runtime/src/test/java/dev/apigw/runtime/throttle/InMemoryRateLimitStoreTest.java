package dev.apigw.runtime.throttle;

import dev.apigw.runtime.spi.RateLimitStore;
import dev.apigw.runtime.spi.contract.RateLimitStoreContract;
import java.time.Clock;

/** The in-memory token buckets pass the rate limit store contract (reference 9.4). */
class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
    @Override
    protected RateLimitStore newStore(Clock clock) {
        return RateLimitStore.inMemory(clock);
    }
}
