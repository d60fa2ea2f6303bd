package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code $context} values in mapping templates (reference 1.2, worked example T5 of 1.7). */
class ContextVariablesScenarioTest {
    private static final Instant NOW = Instant.parse("2020-03-04T19:15:17.135Z");

    private static Api api(String template) {
        RestApi restApi =
                RestApi.builder()
                        .name("context-api")
                        .id("abc123xyz0")
                        .resource(
                                "/root/{child}",
                                r ->
                                        r.id("05c7jb")
                                                .method(
                                                        "PATCH",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        "{\"statusCode\": 200}")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                template)))))
                        .build();
        SplittableRandom seeded = new SplittableRandom(7);
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("prod")
                .gateway(
                        Gateway.builder()
                                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                                .random(() -> seeded.nextLong())
                                .region("eu-west-3")
                                .accountId("210987654321")
                                .build())
                .build();
    }

    @Test
    void render_contextCopy_givesAwsValues() {
        Api api =
                api(
                        "{\"stage\":\"$context.stage\",\"api_id\":\"$context.apiId\","
                                + "\"resource_path\":\"$context.resourcePath\",\"resource_id\":\"$context.resourceId\","
                                + "\"http_method\":\"$context.httpMethod\",\"source_ip\":\"$context.identity.sourceIp\","
                                + "\"user-agent\":\"$context.identity.userAgent\",\"account_id\":\"$context.identity.accountId\","
                                + "\"api_key\":\"$context.identity.apiKey\",\"caller\":\"$context.identity.caller\","
                                + "\"owner\":\"$context.accountId\",\"path\":\"$context.path\","
                                + "\"protocol\":\"$context.protocol\",\"time\":\"$context.requestTime\","
                                + "\"epoch\":\"$context.requestTimeEpoch\"}");
        Request request =
                Request.builder()
                        .httpMethod("PATCH")
                        .target("/prod/root/kid-9?x=1")
                        .header("User-Agent", "curl/8.0")
                        .sourceIp("192.0.2.1")
                        .build();

        Response response = api.handle(request);

        assertThat(response)
                .hasBody(
                        "{\"stage\":\"prod\",\"api_id\":\"abc123xyz0\","
                                + "\"resource_path\":\"/root/{child}\",\"resource_id\":\"05c7jb\","
                                + "\"http_method\":\"PATCH\",\"source_ip\":\"192.0.2.1\",\"user-agent\":\"curl/8.0\","
                                + "\"account_id\":\"\",\"api_key\":\"\",\"caller\":\"\",\"owner\":\"210987654321\","
                                + "\"path\":\"/prod/root/kid-9\",\"protocol\":\"HTTP/1.1\","
                                + "\"time\":\"04/Mar/2020:19:15:17 +0000\",\"epoch\":\"1583349317135\"}");
    }

    @Test
    void render_requestIds_matchTheResponseHeaders() {
        Api api = api("$context.requestId|$context.extendedRequestId|$context.deploymentId");

        Response response = api.handle(Request.of("PATCH", "/prod/root/a"));

        String[] ids = response.bodyAsString().split("\\|");
        assertThat(ids[0])
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(response.headers().first("x-amzn-RequestId")).contains(ids[0]);
        assertThat(ids[1]).hasSize(16).endsWith("=");
        assertThat(response.headers().first("x-amz-apigw-id")).contains(ids[1]);
        assertThat(ids[2]).isEqualTo(api.stage("prod").orElseThrow().deploymentId().orElseThrow());
    }

    @Test
    void render_domainName_isTheHostElseTheExecuteApiHost() {
        Api api = api("$context.domainName $context.domainPrefix");

        Response withHost =
                api.handle(
                        Request.builder()
                                .httpMethod("PATCH")
                                .target("/prod/root/a")
                                .header("Host", "shop.example.com")
                                .build());
        Response withoutHost = api.handle(Request.of("PATCH", "/prod/root/a"));

        assertThat(withHost).hasBody("shop.example.com shop");
        assertThat(withoutHost)
                .hasBody("abc123xyz0.execute-api.eu-west-3.amazonaws.com abc123xyz0");
    }

    @Test
    void render_doubledLeadingSlashes_areFoldedInPath() {
        Api api = api("$context.path");

        Response response = api.handle(Request.of("PATCH", "//prod/root/b"));

        assertThat(response).hasBody("/prod/root/b");
    }
}
