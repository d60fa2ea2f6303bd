package dev.apigw.runtime.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.mapping.JsonDocument;
import dev.apigw.runtime.parameters.ParameterSource.Kind;
import dev.apigw.runtime.parameters.ParameterSource.Side;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every source form of integration request mappings (reference 5.2) and method response mappings
 * (reference 5.3), parsed for each side and read from a fixed input.
 */
class ParameterSourceTest {
    private static final String BODY =
            "{\"store\":{\"pets\":[{\"name\":\"Rex\",\"tags\":[\"a\"]}],\"open\":true},"
                    + "\"errorMessage\":\"{\\\"code\\\":\\\"outer\\\"}\",\"code\":\"top\"}";

    /** A call with fixed values, the same on both sides. */
    private static final ParameterInput INPUT =
            new ParameterInput() {
                @Override
                public Optional<String> pathParameter(String name) {
                    return Optional.ofNullable(Map.of("id", "7").get(name));
                }

                @Override
                public List<String> queryValues(String name) {
                    return Map.of("a", List.of("1", "2"), "b", List.of(""))
                            .getOrDefault(name, List.of());
                }

                @Override
                public List<String> headerValues(String name) {
                    return Map.of(
                                    "X-Multi", List.of("m1", "m2"),
                                    "Content-Length", List.of("9"))
                            .getOrDefault(name, List.of());
                }

                @Override
                public String body() {
                    return BODY;
                }

                @Override
                public Optional<JsonDocument> bodyJson() {
                    return JsonDocument.parse(BODY);
                }

                @Override
                public Optional<JsonDocument> errorMessage() {
                    return JsonDocument.parse("{\"code\":\"inner\"}");
                }

                @Override
                public Optional<String> stageVariable(String name) {
                    return Optional.ofNullable(Map.of("env", "dev").get(name));
                }

                @Override
                public Optional<String> contextVariable(String name) {
                    return Optional.ofNullable(Map.of("identity.sourceIp", "10.0.0.1").get(name));
                }
            };

    private static List<String> request(String expression) {
        return ParameterSource.parse(expression, Side.METHOD_REQUEST).values(INPUT);
    }

    private static List<String> response(String expression) {
        return ParameterSource.parse(expression, Side.INTEGRATION_RESPONSE).values(INPUT);
    }

    @Test
    void values_methodRequestForms_readTheRequest() {
        assertThat(request("method.request.path.id")).containsExactly("7");
        assertThat(request("method.request.path.other")).isEmpty();
        assertThat(request("method.request.querystring.a")).containsExactly("2");
        assertThat(request("method.request.querystring.b")).containsExactly("");
        assertThat(request("method.request.multivaluequerystring.a")).containsExactly("1", "2");
        assertThat(request("method.request.header.X-Multi")).containsExactly("m2");
        assertThat(request("method.request.multivalueheader.X-Multi")).containsExactly("m1", "m2");
        assertThat(request("method.request.body")).containsExactly(BODY);
        assertThat(request("method.request.body.store.pets[0].name")).containsExactly("Rex");
        assertThat(request("method.request.body.store.pets[0].tags")).containsExactly("[\"a\"]");
        assertThat(request("method.request.body.store.open")).containsExactly("true");
        assertThat(request("method.request.body.store.closed")).isEmpty();
        assertThat(request("stageVariables.env")).containsExactly("dev");
        assertThat(request("stageVariables.none")).isEmpty();
        assertThat(request("context.identity.sourceIp")).containsExactly("10.0.0.1");
        assertThat(request("context.none")).isEmpty();
        assertThat(request("'static'")).containsExactly("static");
        assertThat(request("''")).containsExactly("");
    }

    @Test
    void values_integrationResponseForms_readTheResponse() {
        assertThat(response("integration.response.header.X-Multi")).containsExactly("m1");
        assertThat(response("integration.response.multivalueheader.X-Multi"))
                .containsExactly("m1", "m2");
        assertThat(response("integration.response.header.none")).isEmpty();
        assertThat(response("integration.response.body")).containsExactly(BODY);
        assertThat(response("integration.response.body.store.pets[0].name")).containsExactly("Rex");
        assertThat(response("integration.response.body.store.closed")).isEmpty();
        assertThat(response("stageVariables.env")).containsExactly("dev");
        assertThat(response("context.identity.sourceIp")).containsExactly("10.0.0.1");
        assertThat(response("'static'")).containsExactly("static");
    }

    @Test
    void values_hiddenHeader_emptyOnRequestSideOnly() {
        assertThat(request("method.request.header.Content-Length")).isEmpty();
        assertThat(request("method.request.multivalueheader.Content-Length")).isEmpty();
        assertThat(response("integration.response.header.Content-Length")).containsExactly("9");
    }

    @Test
    void values_errorMessageField_readsInsideOnResponseSideOnly() {
        assertThat(response("integration.response.body.errorMessage.code"))
                .containsExactly("inner");
        assertThat(response("integration.response.body.code")).containsExactly("top");
        assertThat(request("method.request.body.errorMessage.code")).isEmpty();
        assertThat(request("method.request.body.errorMessage"))
                .containsExactly("{\"code\":\"outer\"}");
    }

    @Test
    void allows_eachSide_namesItsKinds() {
        assertThat(EnumSet.allOf(Kind.class)).allMatch(Side.METHOD_REQUEST::allows);
        assertThat(EnumSet.allOf(Kind.class))
                .filteredOn(Side.INTEGRATION_RESPONSE::allows)
                .containsExactlyInAnyOrder(
                        Kind.STATIC,
                        Kind.HEADER,
                        Kind.MULTIVALUEHEADER,
                        Kind.BODY,
                        Kind.BODY_PATH,
                        Kind.STAGE_VARIABLE,
                        Kind.CONTEXT);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "'x', STATIC, METHOD_REQUEST",
                "method.request.path.p, PATH, METHOD_REQUEST",
                "method.request.querystring.q, QUERYSTRING, METHOD_REQUEST",
                "method.request.multivaluequerystring.q, MULTIVALUEQUERYSTRING, METHOD_REQUEST",
                "method.request.header.h, HEADER, METHOD_REQUEST",
                "method.request.multivalueheader.h, MULTIVALUEHEADER, METHOD_REQUEST",
                "method.request.body, BODY, METHOD_REQUEST",
                "method.request.body.a.b, BODY_PATH, METHOD_REQUEST",
                "stageVariables.s, STAGE_VARIABLE, METHOD_REQUEST",
                "context.requestId, CONTEXT, METHOD_REQUEST",
                "'x', STATIC, INTEGRATION_RESPONSE",
                "integration.response.header.h, HEADER, INTEGRATION_RESPONSE",
                "integration.response.multivalueheader.h, MULTIVALUEHEADER, INTEGRATION_RESPONSE",
                "integration.response.body, BODY, INTEGRATION_RESPONSE",
                "integration.response.body.a[0], BODY_PATH, INTEGRATION_RESPONSE",
                "stageVariables.s, STAGE_VARIABLE, INTEGRATION_RESPONSE",
                "context.identity.sourceIp, CONTEXT, INTEGRATION_RESPONSE"
            })
    void parse_everyForm_hasItsKind(String expression, Kind kind, Side side) {
        assertThat(ParameterSource.parse(expression, side).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "integration.response.path.p",
                "integration.response.querystring.q",
                "integration.response.multivaluequerystring.q",
                "method.request.header.h",
                "method.request.body",
                "integration.response.body.a[0",
                "integration.response.body.errorMessage.a[0",
                "integration.response.header.",
                "integration.response.bodyx",
                "stageVariables.a b",
                "'"
            })
    void parse_integrationResponseMalformedOrRequestOnly_throwsAwsText(String expression) {
        assertThatThrownBy(() -> ParameterSource.parse(expression, Side.INTEGRATION_RESPONSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid mapping expression specified: Validation Result: warnings :"
                                + " [], errors : [Invalid mapping expression specified: "
                                + expression
                                + "]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "integration.response.header.h",
                "integration.response.body",
                "method.request.cookie.a",
                "method.request.body..a",
                "context."
            })
    void parse_methodRequestMalformedOrResponseOnly_throwsAwsText(String expression) {
        assertThatThrownBy(() -> ParameterSource.parse(expression, Side.METHOD_REQUEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("[Invalid mapping expression specified: " + expression + "]");
    }
}
