package dev.apigw.testkit;

import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a {@link FakeLambda}: how often it was invoked, and how. */
public final class FakeLambdaAssert extends AbstractAssert<FakeLambdaAssert, FakeLambda> {
    FakeLambdaAssert(FakeLambda actual) {
        super(actual, FakeLambdaAssert.class);
    }

    /** Verifies that the function was invoked at least once. */
    public FakeLambdaAssert wasInvoked() {
        isNotNull();
        if (actual.invocationCount() == 0) {
            failWithMessage(
                    "%nExpecting FakeLambda %s to have been invoked%nbut it was not",
                    actual.name());
        }
        return this;
    }

    /** Verifies that the function was never invoked. */
    public FakeLambdaAssert wasNotInvoked() {
        isNotNull();
        if (actual.invocationCount() != 0) {
            failWithMessage(
                    "%nExpecting FakeLambda %s not to have been invoked%nbut it was"
                            + " invoked %s times, last with:%n  %s",
                    actual.name(), actual.invocationCount(), actual.lastInvocation().payload());
        }
        return this;
    }

    /** Verifies how many times the function was invoked. */
    public FakeLambdaAssert wasInvokedTimes(int expected) {
        isNotNull();
        if (actual.invocationCount() != expected) {
            failWithMessage(
                    "%nExpecting FakeLambda %s to have been invoked:%n  %s times%nbut"
                            + " was invoked:%n  %s times",
                    actual.name(), expected, actual.invocationCount());
        }
        return this;
    }

    /**
     * Verifies the invocation type of the last invocation: {@code RequestResponse}, or {@code
     * Event} for an asynchronous call.
     */
    public FakeLambdaAssert lastInvocationTypeIs(String expected) {
        wasInvoked();
        String type = actual.lastInvocation().invocationType();
        if (!type.equals(expected)) {
            failWithMessage(
                    "%nExpecting the last invocation of FakeLambda %s to be of type:%n"
                            + "  %s%nbut was:%n  %s",
                    actual.name(), expected, type);
        }
        return this;
    }
}
