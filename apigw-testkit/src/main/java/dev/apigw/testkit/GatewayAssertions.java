package dev.apigw.testkit;

import dev.apigw.runtime.Response;

/** Entry point of apigw's AssertJ assertions. */
public final class GatewayAssertions {
    private GatewayAssertions() {}

    /** Returns assertions on a response. */
    public static ResponseAssert assertThat(Response actual) {
        return new ResponseAssert(actual);
    }
}
