package dev.apigw.runtime.websocket;

import dev.apigw.runtime.spi.ConnectionStore;
import dev.apigw.runtime.spi.contract.ConnectionStoreContract;

/** The in-memory {@link ConnectionStore} passes the connection store contract. */
class InMemoryConnectionStoreTest extends ConnectionStoreContract {
    @Override
    protected ConnectionStore newStore() {
        return new InMemoryConnectionStore();
    }
}
