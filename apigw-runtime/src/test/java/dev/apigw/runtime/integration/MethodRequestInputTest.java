package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.parameters.ParameterSource;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Integration request mapping sources read from a method request (reference 5.2). */
class MethodRequestInputTest {
    private static final Exchange EXCHANGE =
            TestExchanges.arrived(
                    Request.builder()
                            .httpMethod("PUT")
                            .target("/s/x?a=1&a=2&b=")
                            .header("X-Multi", "m1")
                            .header("x-multi", "m2")
                            .header("Content-Length", "9")
                            .body(
                                    "{\"store\":{\"pets\":[{\"name\":\"Rex\",\"tags\":[\"a\"]}],\"open\":true}}")
                            .build());

    private static Object values(String expression) {
        return parse(expression).values(new MethodRequestInput(EXCHANGE));
    }

    private static ParameterSource parse(String expression) {
        return ParameterSource.parse(expression, ParameterSource.Side.METHOD_REQUEST);
    }

    @Test
    void values_queryStrings_lastOrEvery() {
        assertThat(values("method.request.querystring.a")).isEqualTo(List.of("2"));
        assertThat(values("method.request.multivaluequerystring.a")).isEqualTo(List.of("1", "2"));
        assertThat(values("method.request.querystring.b")).isEqualTo(List.of(""));
        assertThat(values("method.request.querystring.none")).isEqualTo(List.of());
    }

    @Test
    void values_headers_lastOrEveryAndHiddenOnesEmpty() {
        assertThat(values("method.request.header.X-MULTI")).isEqualTo(List.of("m2"));
        assertThat(values("method.request.multivalueheader.x-multi"))
                .isEqualTo(List.of("m1", "m2"));
        assertThat(values("method.request.header.Content-Length")).isEqualTo(List.of());
    }

    @Test
    void values_bodyFields_stringsBareOthersJsonMissingNone() {
        assertThat(values("method.request.body.store.pets[0].name")).isEqualTo(List.of("Rex"));
        assertThat(values("method.request.body.store.pets[0].tags")).isEqualTo(List.of("[\"a\"]"));
        assertThat(values("method.request.body.store.open")).isEqualTo(List.of("true"));
        assertThat(values("method.request.body.store.closed")).isEqualTo(List.of());
    }

    @Test
    void values_staticAndContext_areResolved() {
        assertThat(values("'it''s'")).isEqualTo(List.of("it''s"));
        assertThat(values("''")).isEqualTo(List.of(""));
        assertThat(values("context.requestId")).isEqualTo(List.of("req-1"));
        assertThat(values("context.accountId")).isEqualTo(List.of("111122223333"));
        assertThat(values("context.unknownThing")).isEqualTo(List.of());
        assertThat(values("stageVariables.any")).isEqualTo(List.of());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "method.request.path.",
                "method.request.cookie.a",
                "'",
                "true",
                "method.request.body.a[0",
                "method.request.body..a",
                "stageVariables.a b",
                "method.request.bodyx",
                "context."
            })
    void parse_malformed_throwsAwsText(String expression) {
        assertThatThrownBy(() -> parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid mapping expression specified: Validation Result: warnings :"
                                + " [], errors : [Invalid mapping expression specified: "
                                + expression
                                + "]");
    }
}
