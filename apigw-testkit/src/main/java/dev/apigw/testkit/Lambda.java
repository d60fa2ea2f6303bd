package dev.apigw.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link FakeLambda} that {@link ApiGatewayExtension} resolves for a parameter: {@code
 * void test(@Lambda("pets") FakeLambda pets)}. Needed only when the extension binds more than one
 * fake.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Lambda {
    /** Returns the function name the fake is bound to. */
    String value();
}
