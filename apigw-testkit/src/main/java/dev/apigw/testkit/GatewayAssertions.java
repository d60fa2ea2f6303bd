package dev.apigw.testkit;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;

/** Entry point of apigw's AssertJ assertions. */
public final class GatewayAssertions {
    private GatewayAssertions() {}

    /** Returns assertions on a response. */
    public static ResponseAssert assertThat(Response actual) {
        return new ResponseAssert(actual);
    }

    /**
     * Returns assertions on the response of a test invocation ({@code api.testInvoke(request)})
     * whose failure messages end with the test result as the console shows it, execution log
     * included ({@link ConsoleLog}).
     */
    public static ResponseAssert assertThat(TestInvokeResult actual) {
        return new ResponseAssert(actual);
    }

    /** Returns assertions on a fake Lambda function. */
    public static FakeLambdaAssert assertThat(FakeLambda actual) {
        return new FakeLambdaAssert(actual);
    }
}
