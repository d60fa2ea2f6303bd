package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.EndpointConfiguration;
import dev.apigw.model.EndpointType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resource policies through {@link Api#handle} (reference 8.8): parsed once at build time, an
 * {@code execute-api:/} shorthand expanded; for a method without authorization an explicit Allow is
 * needed and an explicit Deny wins; conditions on the source IP, referer, user agent, time and VPC
 * endpoint; PRIVATE endpoints accept only requests through a VPC endpoint.
 */
class ResourcePolicyScenarioTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    private static final String DEFINITION =
            """
            openapi: 3.0.1
            info: {title: policy-api, version: '1'}
            paths:
              /pets:
                get:
                  responses: {'200': {description: ok}}
                  x-amazon-apigateway-integration: &mock
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates: {application/json: '{"ok":true}'}
                post:
                  responses: {'200': {description: ok}}
                  x-amazon-apigateway-integration: *mock
              /:
                get:
                  responses: {'200': {description: ok}}
                  x-amazon-apigateway-integration: *mock
            """;

    private static final String ALLOW_ALL =
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                    + "\"Resource\":\"execute-api:/*\"}";

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static Api api(String policy) {
        return api(policy, UnaryOperator.identity());
    }

    private static Api api(String policy, UnaryOperator<RestApi.Builder> changes) {
        RestApi.Builder restApi =
                OpenApiImporter.create().importText(DEFINITION).api().toBuilder().policy(policy);
        return Api.builder()
                .gateway(
                        Gateway.builder()
                                .clock(CLOCK)
                                .region("eu-west-1")
                                .accountId("123456789012")
                                .build())
                .restApi(changes.apply(restApi).build())
                .deploy("prod")
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .build();
    }

    private static String arn(Api api, String methodAndPath) {
        return "arn:aws:execute-api:eu-west-1:123456789012:"
                + api.restApi().id()
                + "/prod/"
                + methodAndPath;
    }

    private static String denial(Api api, String methodAndPath, boolean explicit) {
        return "{\"message\":\"User: anonymous is not authorized to perform: execute-api:Invoke"
                + " on resource: "
                + arn(api, methodAndPath)
                + (explicit ? " with an explicit deny" : "")
                + "\"}";
    }

    @Test
    void handle_noPolicy_servesEveryone() {
        assertThat(api(null).handle(Request.get("/prod/pets"))).hasStatus(200);
    }

    @Test
    void handle_allowAllByShorthand_servesEveryone() {
        assertThat(api(policy(ALLOW_ALL)).handle(Request.get("/prod/pets"))).hasStatus(200);
    }

    @Test
    void handle_policyAllowingOtherMethodsOnly_isAnImplicitDeny() {
        Api api =
                api(
                        policy(
                                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
                                        + "\"execute-api:Invoke\",\"Resource\":"
                                        + "\"execute-api:/prod/GET/pets\"}"));

        assertThat(api.handle(Request.get("/prod/pets"))).hasStatus(200);
        assertThat(api.handle(Request.post("/prod/pets", "{}")))
                .hasStatus(403)
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasErrorType("AccessDeniedException")
                .hasJsonBody(denial(api, "POST/pets", false));
    }

    @Test
    void handle_rootResource_isMatchedWithATrailingSlash() {
        Api api =
                api(
                        policy(
                                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
                                        + "\"execute-api:Invoke\",\"Resource\":"
                                        + "\"execute-api:/prod/GET/\"}"));

        assertThat(api.handle(Request.get("/prod/"))).hasStatus(200);
        assertThat(api.handle(Request.get("/prod/pets"))).hasStatus(403);
    }

    @ParameterizedTest
    @CsvSource({
        "192.0.2.7, 403",
        "192.0.3.7, 200",
        "2001:db8::1, 403",
        "2001:db9::1, 200",
    })
    void handle_sourceIpDenied_answersExplicitDeny(String sourceIp, int status) {
        Api api =
                api(
                        policy(
                                ALLOW_ALL,
                                "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
                                        + "\"execute-api:Invoke\",\"Resource\":"
                                        + "\"execute-api:/*\",\"Condition\":{\"IpAddress\":"
                                        + "{\"aws:SourceIp\":[\"192.0.2.0/24\","
                                        + "\"2001:db8::/32\"]}}}"));

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .path("/prod/pets")
                                .sourceIp(sourceIp)
                                .build());

        assertThat(response).hasStatus(status);
        if (status == 403) {
            assertThat(response).hasJsonBody(denial(api, "GET/pets", true));
        }
    }

    @Test
    void handle_refererCondition_needsTheHeader() {
        Api api =
                api(
                        policy(
                                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
                                        + "\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                                        + "\"Condition\":{\"StringLike\":{\"aws:Referer\":"
                                        + "\"https://*.example.com/*\"}}}"));

        assertThat(api.handle(Request.get("/prod/pets"))).hasStatus(403);
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .path("/prod/pets")
                                        .header("Referer", "https://shop.example.com/cart")
                                        .build()))
                .hasStatus(200);
    }

    @Test
    void handle_userAgentNotEquals_deniesTheNamedAgent() {
        Api api =
                api(
                        policy(
                                ALLOW_ALL,
                                "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
                                        + "\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                                        + "\"Condition\":{\"StringEquals\":{\"aws:UserAgent\":"
                                        + "\"BadBot/1.0\"}}}"));

        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .path("/prod/pets")
                                        .header("User-Agent", "BadBot/1.0")
                                        .build()))
                .hasStatus(403);
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .path("/prod/pets")
                                        .header("User-Agent", "curl/8.0")
                                        .build()))
                .hasStatus(200);
    }

    @ParameterizedTest
    @CsvSource({"2026-12-31T00:00:00Z, 200", "2026-12-01T00:00:00Z, 403"})
    void handle_currentTimeCondition_readsTheInjectedClock(String until, int status) {
        Api api =
                api(
                        policy(
                                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
                                        + "\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                                        + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\""
                                        + until
                                        + "\"}}}"));

        assertThat(api.handle(Request.get("/prod/pets"))).hasStatus(status);
    }

    @Test
    void handle_sourceVpceCondition_comparesTheHostSuppliedEndpoint() {
        Api api =
                api(
                        policy(
                                ALLOW_ALL,
                                "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
                                        + "\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                                        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":"
                                        + "\"vpce-1a2b3c4d\"}}}"));

        assertThat(api.handle(Request.get("/prod/pets"))).hasStatus(403);
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .path("/prod/pets")
                                        .sourceVpce("vpce-1a2b3c4d")
                                        .build()))
                .hasStatus(200);
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .path("/prod/pets")
                                        .sourceVpce("vpce-99999999")
                                        .build()))
                .hasStatus(403);
    }

    @Test
    void handle_privateEndpoint_acceptsOnlyItsVpcEndpoints() {
        Api api =
                api(
                        policy(ALLOW_ALL),
                        b ->
                                b.endpointConfiguration(
                                        new EndpointConfiguration(
                                                List.of(EndpointType.PRIVATE),
                                                List.of("vpce-1a2b3c4d"),
                                                false)));

        assertThat(api.handle(Request.get("/prod/pets")))
                .hasStatus(403)
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasJsonBody(denial(api, "GET/pets", false));
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .path("/prod/pets")
                                        .sourceVpce("vpce-1a2b3c4d")
                                        .build()))
                .hasStatus(200);
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .path("/prod/pets")
                                        .sourceVpce("vpce-0000ffff")
                                        .build()))
                .hasStatus(403);
    }

    @Test
    void handle_customisedAccessDenied_rendersTheMessage() {
        String definition =
                DEFINITION
                        + """
                        x-amazon-apigateway-gateway-responses:
                          ACCESS_DENIED:
                            statusCode: 451
                            responseTemplates:
                              application/json: '{"denied":"$context.error.message"}'
                        """;
        RestApi restApi =
                OpenApiImporter.create().importText(definition).api().toBuilder()
                        .policy(policy())
                        .build();
        Api api =
                Api.builder()
                        .restApi(restApi)
                        .deploy("prod")
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .build();

        assertThat(api.handle(Request.get("/prod/pets")))
                .hasStatus(451)
                .hasBodyContaining("User: anonymous is not authorized to perform");
    }

    @Test
    void build_malformedPolicy_failsNamingThePlace() {
        String malformed =
                policy(
                        "{\"Effect\":\"Perhaps\",\"Principal\":\"*\",\"Action\":"
                                + "\"execute-api:Invoke\",\"Resource\":\"*\"}");

        assertThatThrownBy(() -> api(malformed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resource policy")
                .hasMessageContaining("Statement[0]");
    }

    @Test
    void build_policyThatIsNotJson_failsAtBuildTime() {
        assertThatThrownBy(() -> api("{not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resource policy");
    }
}
