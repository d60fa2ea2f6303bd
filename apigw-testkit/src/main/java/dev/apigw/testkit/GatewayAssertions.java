package dev.apigw.testkit;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import org.assertj.core.api.Assertions;

/**
 * Entry point of apigw's AssertJ assertions. It extends AssertJ's {@link Assertions}, as AssertJ
 * recommends for custom entry points, so one static import serves both apigw's types and everything
 * else:
 *
 * <pre>{@code
 * import static dev.apigw.testkit.GatewayAssertions.assertThat;
 *
 * assertThat(api.handle(request)).hasStatus(200);     // ResponseAssert
 * assertThat(pets.lastEvent().path()).isEqualTo("/pets/7");   // AssertJ's StringAssert
 * }</pre>
 */
public final class GatewayAssertions extends Assertions {
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
