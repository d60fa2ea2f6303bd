package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.Stage;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The identity sources of a Lambda authorizer (reference 8.3). */
class IdentitySourcesTest {
    private static Exchange routed(Request request) {
        return TestExchanges.builder()
                .method("/pets/{id}", "GET", m -> {})
                .stage(
                        Stage.builder()
                                .stageName("test")
                                .deploymentId("fixture")
                                .putVariable("env", "prod")
                                .build())
                .routed(request);
    }

    @Test
    void parse_everyKind_keepsOrderAndNames() {
        IdentitySources sources =
                IdentitySources.parse(
                        "method.request.header.Authorization,method.request.querystring.q ,"
                                + " stageVariables.env, context.identity.sourceIp");

        assertThat(sources.sources())
                .containsExactly(
                        new IdentitySources.Source(IdentitySources.Kind.HEADER, "Authorization"),
                        new IdentitySources.Source(IdentitySources.Kind.QUERYSTRING, "q"),
                        new IdentitySources.Source(IdentitySources.Kind.STAGE_VARIABLE, "env"),
                        new IdentitySources.Source(
                                IdentitySources.Kind.CONTEXT, "identity.sourceIp"));
    }

    @Test
    void parse_nullOrBlank_isNoSource() {
        assertThat(IdentitySources.parse(null).isEmpty()).isTrue();
        assertThat(IdentitySources.parse("  ").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "method.request.path.id",
                "method.request.header.",
                "method.request.header.A,",
                ",method.request.header.A",
                "method.request.multivalueheader.A",
                "header.A",
                "method.request.body",
                "stageVariables.a b",
                "context."
            })
    void parse_notAnIdentitySource_fails(String expression) {
        assertThatThrownBy(() -> IdentitySources.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid identity source: ");
    }

    @Test
    void values_everyKind_readsTheRequest() {
        Exchange exchange =
                routed(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/test/pets/7?q=1&q=2")
                                .header("Authorization", "first")
                                .header("authorization", "second")
                                .sourceIp("192.0.2.9")
                                .build());
        IdentitySources sources =
                IdentitySources.parse(
                        "method.request.header.Authorization, method.request.querystring.q,"
                                + " stageVariables.env, context.identity.sourceIp,"
                                + " context.httpMethod");

        assertThat(sources.values(exchange))
                .containsExactly("second", "2", "prod", "192.0.2.9", "GET");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "method.request.header.X-Missing",
                "method.request.header.X-Empty",
                "method.request.querystring.missing",
                "method.request.querystring.empty",
                "stageVariables.missing",
                "context.authorizer.principalId",
                "method.request.header.Host, method.request.querystring.missing"
            })
    void values_aSourceMissingOrEmpty_isNull(String expression) {
        Exchange exchange =
                routed(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/test/pets/7?empty=")
                                .header("Host", "example.com")
                                .header("X-Empty", "")
                                .build());

        assertThat(IdentitySources.parse(expression).values(exchange)).isNull();
    }

    @Test
    void values_noSource_isEmpty() {
        Exchange exchange = routed(Request.of("GET", "/test/pets/7"));

        assertThat(IdentitySources.parse(null).values(exchange)).isEqualTo(List.of());
    }

    @Test
    void parseHttp_everyKind_keepsOrderAndNames() {
        IdentitySources sources =
                IdentitySources.parseHttp(
                        List.of(
                                "$request.header.Authorization",
                                "$request.querystring.token",
                                "$stageVariables.tier",
                                "$context.routeKey"));

        assertThat(sources.sources())
                .containsExactly(
                        new IdentitySources.Source(IdentitySources.Kind.HEADER, "Authorization"),
                        new IdentitySources.Source(IdentitySources.Kind.QUERYSTRING, "token"),
                        new IdentitySources.Source(IdentitySources.Kind.STAGE_VARIABLE, "tier"),
                        new IdentitySources.Source(IdentitySources.Kind.CONTEXT, "routeKey"));
    }

    @Test
    void parseHttp_restExpression_failsNamingIt() {
        assertThatThrownBy(() -> IdentitySources.parseHttp(List.of("method.request.header.Auth")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method.request.header.Auth")
                .hasMessageContaining("$request.header.X");
    }
}
