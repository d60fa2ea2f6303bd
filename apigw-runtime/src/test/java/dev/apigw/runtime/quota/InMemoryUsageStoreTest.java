package dev.apigw.runtime.quota;

import dev.apigw.runtime.spi.UsageStore;
import dev.apigw.runtime.spi.contract.UsageStoreContract;

/** The in-memory quota counters and daily usage pass the usage store contract (reference 8.2). */
class InMemoryUsageStoreTest extends UsageStoreContract {
    @Override
    protected UsageStore newStore() {
        return UsageStore.inMemory();
    }
}
