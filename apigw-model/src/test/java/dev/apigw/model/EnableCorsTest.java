package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code RestApi.Builder.enableCors}: what the console's "Enable CORS" writes (reference 11.2). */
class EnableCorsTest {
    private static final String LAMBDA =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:pets/invocations";
    private static final String ORIGIN = "method.response.header.Access-Control-Allow-Origin";
    private static final String METHODS = "method.response.header.Access-Control-Allow-Methods";
    private static final String HEADERS = "method.response.header.Access-Control-Allow-Headers";

    private static Method mockGet() {
        return Method.builder()
                .httpMethod("GET")
                .methodResponse("200", r -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse("200", r -> {})
                                        .integrationResponse(
                                                "500", r -> r.selectionPattern("5\\d{2}")))
                .methodResponse("500", r -> {})
                .build();
    }

    private static Method lambdaPost() {
        return Method.builder()
                .httpMethod("POST")
                .integration(i -> i.type(IntegrationType.AWS_PROXY).httpMethod("POST").uri(LAMBDA))
                .build();
    }

    private static RestApi.Builder pets() {
        return RestApi.builder()
                .name("pets")
                .resource("/pets", r -> r.method(mockGet()).method(lambdaPost()));
    }

    private static Method options(RestApi api, String path) {
        return api.resource(path).orElseThrow().method("OPTIONS").orElseThrow();
    }

    @Test
    void enableCors_defaults_writeTheConsolePreflightMethod() {
        RestApi api = pets().enableCors().build();

        Method options = options(api, "/pets");
        assertThat(options.authorizationType()).isEqualTo(AuthorizationType.NONE);
        assertThat(options.apiKeyRequired()).isFalse();
        assertThat(options.methodResponses()).containsOnlyKeys("200");
        assertThat(options.methodResponses().get("200").responseParameters())
                .containsExactly(
                        Map.entry(ORIGIN, false),
                        Map.entry(METHODS, false),
                        Map.entry(HEADERS, false));
        Integration mock = options.integration().orElseThrow();
        assertThat(mock.type()).isEqualTo(IntegrationType.MOCK);
        assertThat(mock.passthroughBehavior()).isEqualTo(PassthroughBehavior.WHEN_NO_MATCH);
        assertThat(mock.requestTemplates())
                .containsExactly(Map.entry("application/json", "{\"statusCode\": 200}"));
        IntegrationResponse response = mock.integrationResponses().get("200");
        assertThat(mock.integrationResponses()).containsOnlyKeys("200");
        assertThat(response.isDefault()).isTrue();
        assertThat(response.responseParameters())
                .containsExactly(
                        Map.entry(METHODS, "'GET,OPTIONS,POST'"),
                        Map.entry(HEADERS, "'" + CorsOptions.CONSOLE_ALLOW_HEADERS + "'"),
                        Map.entry(ORIGIN, "'*'"));
        assertThat(response.responseTemplates())
                .containsExactly(Map.entry("application/json", "{}"));
    }

    @Test
    void enableCors_nonProxyMethod_getsAllowOriginOnIts200ResponsesOnly() {
        RestApi api = pets().enableCors(c -> c.allowOrigin("https://app.example.com")).build();

        Method get = api.resource("/pets").orElseThrow().method("GET").orElseThrow();
        assertThat(get.methodResponses().get("200").responseParameters())
                .containsExactly(Map.entry(ORIGIN, false));
        assertThat(get.methodResponses().get("500").responseParameters()).isEmpty();
        Integration integration = get.integration().orElseThrow();
        assertThat(integration.integrationResponses().get("200").responseParameters())
                .containsExactly(Map.entry(ORIGIN, "'https://app.example.com'"));
        assertThat(integration.integrationResponses().get("500").responseParameters()).isEmpty();
    }

    @Test
    void enableCors_proxyMethod_isLeftToItsBackend() {
        RestApi api = pets().enableCors().build();

        assertThat(api.resource("/pets").orElseThrow().method("POST")).contains(lambdaPost());
    }

    @Test
    void enableCors_no200MethodResponse_declaresOneForThe200IntegrationResponse() {
        Integration mock =
                Integration.builder()
                        .type(IntegrationType.MOCK)
                        .integrationResponse("200", ir -> {})
                        .build();
        RestApi api =
                RestApi.builder()
                        .name("pets")
                        .resource("/pets", r -> r.method("GET", m -> m.integration(mock)))
                        .enableCors()
                        .build();

        Method get = api.resource("/pets").orElseThrow().method("GET").orElseThrow();
        assertThat(get.methodResponses().get("200").responseParameters())
                .containsExactly(Map.entry(ORIGIN, false));
    }

    @Test
    void enableCors_methodWithout200IntegrationResponse_isUnchanged() {
        Method teapot =
                Method.builder()
                        .httpMethod("GET")
                        .methodResponse("418", r -> {})
                        .integration(
                                i ->
                                        i.type(IntegrationType.MOCK)
                                                .integrationResponse("418", r -> {}))
                        .build();
        RestApi api =
                RestApi.builder()
                        .name("tea")
                        .resource("/tea", r -> r.method(teapot))
                        .enableCors()
                        .build();

        assertThat(api.resource("/tea").orElseThrow().method("GET")).contains(teapot);
        assertThat(options(api, "/tea")).isNotNull();
    }

    @Test
    void enableCors_anyMethod_allowsEveryMethodAsTheConsole() {
        Method any = lambdaPost().copy(m -> m.httpMethod("ANY"));
        RestApi api =
                RestApi.builder()
                        .name("proxy")
                        .resource("/{proxy+}", r -> r.method(any))
                        .enableCors()
                        .build();

        assertThat(
                        options(api, "/{proxy+}")
                                .integration()
                                .orElseThrow()
                                .integrationResponses()
                                .get("200")
                                .responseParameters())
                .containsEntry(METHODS, "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
        assertThat(api.gatewayResponses().get(GatewayResponseType.DEFAULT_4XX).responseParameters())
                .containsEntry(
                        "gatewayresponse.header.Access-Control-Allow-Methods",
                        "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
    }

    @Test
    void enableCors_defaults_putTheThreeHeadersOnDefault4xxAnd5xx() {
        RestApi api = pets().enableCors(c -> c.allowHeaders("Content-Type,X-Custom")).build();

        assertThat(api.gatewayResponses())
                .containsOnlyKeys(GatewayResponseType.DEFAULT_4XX, GatewayResponseType.DEFAULT_5XX);
        for (GatewayResponse response : api.gatewayResponses().values()) {
            assertThat(response.statusCode()).isEmpty();
            assertThat(response.responseTemplates()).isEmpty();
            assertThat(response.responseParameters())
                    .containsExactly(
                            Map.entry(
                                    "gatewayresponse.header.Access-Control-Allow-Methods",
                                    "'GET,OPTIONS,POST'"),
                            Map.entry("gatewayresponse.header.Access-Control-Allow-Origin", "'*'"),
                            Map.entry(
                                    "gatewayresponse.header.Access-Control-Allow-Headers",
                                    "'Content-Type,X-Custom'"));
        }
    }

    @Test
    void enableCors_customisedGatewayResponse_keepsItsStatusAndTemplate() {
        RestApi api =
                pets().gatewayResponse(
                                GatewayResponseType.UNAUTHORIZED,
                                g ->
                                        g.statusCode(401)
                                                .putResponseTemplate(
                                                        "application/json",
                                                        "{\"error\":\"login\"}"))
                        .enableCors(
                                c -> c.gatewayResponses(Set.of(GatewayResponseType.UNAUTHORIZED)))
                        .build();

        GatewayResponse unauthorized = api.gatewayResponses().get(GatewayResponseType.UNAUTHORIZED);
        assertThat(api.gatewayResponses()).containsOnlyKeys(GatewayResponseType.UNAUTHORIZED);
        assertThat(unauthorized.statusCode()).hasValue(401);
        assertThat(unauthorized.responseTemplates())
                .containsExactly(Map.entry("application/json", "{\"error\":\"login\"}"));
        assertThat(unauthorized.responseParameters())
                .containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", "'*'");
    }

    @Test
    void enableCors_noGatewayResponses_leavesThemAlone() {
        RestApi api = pets().enableCors(c -> c.gatewayResponses(Set.of())).build();

        assertThat(api.gatewayResponses()).isEmpty();
    }

    @Test
    void enableCors_allowMethodsGiven_usedOnEveryResourceAndGatewayResponse() {
        RestApi api =
                pets().resource("/owners", r -> r.method(mockGet()))
                        .enableCors(c -> c.allowMethods("GET,POST,OPTIONS"))
                        .build();

        for (String path : new String[] {"/pets", "/owners"}) {
            assertThat(
                            options(api, path)
                                    .integration()
                                    .orElseThrow()
                                    .integrationResponses()
                                    .get("200")
                                    .responseParameters())
                    .containsEntry(METHODS, "'GET,POST,OPTIONS'");
        }
        assertThat(api.gatewayResponses().get(GatewayResponseType.DEFAULT_5XX).responseParameters())
                .containsEntry(
                        "gatewayresponse.header.Access-Control-Allow-Methods",
                        "'GET,POST,OPTIONS'");
    }

    @Test
    void enableCors_paths_enableOnlyThoseResources() {
        RestApi api =
                pets().resource("/owners", r -> r.method(mockGet()))
                        .enableCors(c -> c.addPath("/owners"))
                        .build();

        assertThat(api.resource("/pets").orElseThrow().methods()).containsOnlyKeys("GET", "POST");
        assertThat(api.resource("/owners").orElseThrow().methods())
                .containsOnlyKeys("GET", "OPTIONS");
    }

    @Test
    void enableCors_allResources_skipsAncestorsWithoutMethods() {
        RestApi api =
                RestApi.builder()
                        .name("deep")
                        .resource("/a/b", r -> r.method(mockGet()))
                        .enableCors()
                        .build();

        assertThat(api.resource("/a").orElseThrow().methods()).isEmpty();
        assertThat(api.resource("/").orElseThrow().methods()).isEmpty();
        assertThat(api.resource("/a/b").orElseThrow().methods()).containsKey("OPTIONS");
    }

    @Test
    void enableCors_pathWithoutMethods_getsAPreflightAllowingOptionsOnly() {
        RestApi api =
                RestApi.builder()
                        .name("empty")
                        .resource("/empty", r -> {})
                        .enableCors(c -> c.addPath("/empty"))
                        .build();

        assertThat(
                        options(api, "/empty")
                                .integration()
                                .orElseThrow()
                                .integrationResponses()
                                .get("200")
                                .responseParameters())
                .containsEntry(METHODS, "'OPTIONS'");
    }

    @Test
    void enableCors_unknownPath_failsNamingThePath() {
        RestApi.Builder builder = pets();

        assertThatThrownBy(() -> builder.enableCors(c -> c.addPath("/owners")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/owners: enableCors found no resource at this path");
    }

    @Test
    void enableCors_optionsMethodOfAnotherKind_failsNamingTheResourceAndWritesNothing() {
        Method lambdaOptions = lambdaPost().copy(m -> m.httpMethod("OPTIONS"));
        RestApi.Builder builder =
                pets().resource("/owners", r -> r.method(mockGet()).method(lambdaOptions));
        RestApi before = builder.build();

        assertThatThrownBy(() -> builder.enableCors())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/owners: enableCors cannot replace the OPTIONS method")
                .hasMessageContaining("AWS_PROXY integration");
        assertThat(builder.build()).isEqualTo(before);
    }

    @Test
    void enableCors_twice_theSecondOptionsReplaceTheFirst() {
        RestApi once = pets().enableCors(c -> c.allowOrigin("https://b.example.com")).build();

        RestApi twice =
                pets().enableCors(c -> c.allowOrigin("https://a.example.com"))
                        .enableCors(c -> c.allowOrigin("https://b.example.com"))
                        .build();

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void corsOptions_valueWithASingleQuote_isRefused() {
        assertThatThrownBy(() -> CorsOptions.of(c -> c.allowOrigin("https://a'b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "CORS allowOrigin 'https://a'b' must not hold a single quote");
        assertThatThrownBy(() -> CorsOptions.of(c -> c.allowHeaders(" ")))
                .hasMessage("CORS allowHeaders is required");
        assertThatThrownBy(() -> CorsOptions.of(c -> c.addPath("pets")))
                .hasMessageContaining("must start with /");
    }

    @Test
    void corsOptions_defaults_areTheConsoles() {
        CorsOptions defaults = CorsOptions.defaults();

        assertThat(defaults.allowOrigin()).isEqualTo("*");
        assertThat(defaults.allowHeaders())
                .isEqualTo("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token");
        assertThat(defaults.allowMethods()).isEmpty();
        assertThat(defaults.paths()).isEmpty();
        assertThat(defaults.gatewayResponses())
                .containsExactly(GatewayResponseType.DEFAULT_4XX, GatewayResponseType.DEFAULT_5XX);
        assertThat(defaults).isEqualTo(CorsOptions.builder().build());
    }
}
