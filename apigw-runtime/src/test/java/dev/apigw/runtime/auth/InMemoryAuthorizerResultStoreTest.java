package dev.apigw.runtime.auth;

import dev.apigw.runtime.spi.AuthorizerResultStore;
import dev.apigw.runtime.spi.contract.AuthorizerResultStoreContract;

/** The in-memory authorizer answers pass the authorizer result store contract (8.3, 9.3). */
class InMemoryAuthorizerResultStoreTest extends AuthorizerResultStoreContract {
    @Override
    protected AuthorizerResultStore newStore() {
        return new InMemoryAuthorizerResultStore();
    }
}
