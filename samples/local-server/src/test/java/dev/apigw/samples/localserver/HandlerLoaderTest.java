package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.samples.localserver.demo.EchoHandler;
import dev.apigw.samples.localserver.demo.PriceHandler;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerLoaderTest {
    private final HandlerLoader loader = HandlerLoader.create(List.of());

    /** A handler whose input type is bound by a subclass. */
    public abstract static class Base<T> implements RequestHandler<T, String> {
        @Override
        public String handleRequest(T input, Context context) {
            return String.valueOf(input);
        }
    }

    /** Binds {@code T} to {@code Integer}. */
    public static final class IntegerHandler extends Base<Integer> {}

    /** Has no public no-argument constructor. */
    public static final class NeedsArgument extends Base<String> {
        public NeedsArgument(String unused) {}
    }

    @Test
    void load_handlerClasses_adaptToFunctions() {
        assertThat(loader.load("Echo", EchoHandler.class.getName())).isNotNull();
        assertThat(loader.load("Price", PriceHandler.class.getName())).isNotNull();
        assertThat(loader.load("Int", IntegerHandler.class.getName())).isNotNull();
    }

    @Test
    void load_missingClass_failsInOneLine() {
        assertThatThrownBy(() -> loader.load("Fn", "com.example.Missing"))
                .isInstanceOf(LaunchException.class)
                .hasMessage(
                        "--lambda Fn=com.example.Missing: class com.example.Missing not found"
                                + " on the classpath");
    }

    @Test
    void load_classThatIsNoHandler_failsNamingBothInterfaces() {
        assertThatThrownBy(() -> loader.load("Fn", String.class.getName()))
                .hasMessage(
                        "--lambda Fn=java.lang.String: class java.lang.String implements"
                                + " neither RequestStreamHandler nor RequestHandler");
    }

    @Test
    void load_abstractOrWithoutDefaultConstructor_fails() {
        assertThatThrownBy(() -> loader.load("Fn", Base.class.getName()))
                .hasMessageEndingWith("is abstract");
        assertThatThrownBy(() -> loader.load("Fn", NeedsArgument.class.getName()))
                .hasMessageEndingWith("has no public no-argument constructor");
    }

    @Test
    void create_missingClasspathEntry_fails() {
        assertThatThrownBy(() -> HandlerLoader.create(List.of(Path.of("no/such/dir"))))
                .isInstanceOf(LaunchException.class)
                .hasMessage("--classpath entry not found: no/such/dir");
    }
}
