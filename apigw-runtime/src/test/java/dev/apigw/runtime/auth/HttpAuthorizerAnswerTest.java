package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The answers of HTTP API Lambda authorizers (reference 8.6), parsed. */
class HttpAuthorizerAnswerTest {
    private static final String POLICY =
            "\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
                    + "\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]}";

    private static HttpAuthorizerAnswer parse(String json, boolean simple, boolean v1) {
        return HttpAuthorizerAnswer.parse(json.getBytes(StandardCharsets.UTF_8), simple, v1);
    }

    @Test
    void parse_simpleAnswer_keepsTheContextsJsonTypes() {
        HttpAuthorizerAnswer answer =
                parse(
                        "{\"isAuthorized\":true,\"context\":{\"s\":\"x\",\"n\":1.5,"
                                + "\"o\":{\"a\":[true,null]}}}",
                        true,
                        false);

        assertThat(answer.context())
                .containsEntry("s", "x")
                .containsEntry("n", 1.5)
                .containsKey("o");
        assertThat(answer.context().get("o"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(true, null)));
        assertThat(answer.principalId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"isAuthorized\":\"true\"}",
                "{\"isAuthorized\":1}",
                "{\"isAuthorized\":true,\"context\":[]}",
                "[]",
                "null",
                "nope"
            })
    void parse_invalidSimpleAnswer_isMalformed(String json) {
        assertThatThrownBy(() -> parse(json, true, false))
                .isInstanceOf(AuthorizerAnswer.Malformed.class);
    }

    @Test
    void parse_policyAnswer_keepsThePrincipal() {
        HttpAuthorizerAnswer answer = parse("{\"principalId\":\"me\"," + POLICY + "}", false, true);

        assertThat(answer.principalId()).isEqualTo(Optional.of("me"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"principalId\":\"me\"}",
                "{\"principalId\":7," + POLICY + "}",
                "{\"isAuthorized\":true}"
            })
    void parse_invalidPolicyAnswer_isMalformed(String json) {
        assertThatThrownBy(() -> parse(json, false, false))
                .isInstanceOf(AuthorizerAnswer.Malformed.class);
    }

    @Test
    void parse_v1ContextWithObjectOrReservedClaims_isMalformed() {
        assertThatThrownBy(() -> parse("{" + POLICY + ",\"context\":{\"o\":{}}}", false, true))
                .isInstanceOf(AuthorizerAnswer.Malformed.class);
        assertThatThrownBy(() -> parse("{" + POLICY + ",\"context\":{\"claims\":1}}", false, true))
                .hasMessageContaining("claims");
    }

    @Test
    void parse_v2PolicyContext_allowsArrays() {
        assertThat(parse("{" + POLICY + ",\"context\":{\"l\":[1]}}", false, false).context())
                .containsEntry("l", List.of(1));
    }
}
