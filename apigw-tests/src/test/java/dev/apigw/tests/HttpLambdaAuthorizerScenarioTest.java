package dev.apigw.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpStage;
import dev.apigw.model.Route;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import dev.apigw.testkit.FakeLambda;
import dev.apigw.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * HTTP API Lambda authorizers through {@link Api#handle} (reference 8.6; answers 3.3): identity
 * sources, simple and policy answers of formats 1.0 and 2.0, caching by identity source values on
 * the account clock, and the 401, 403 and 500 answers. The routes have no integration: a request
 * the authorizer lets through answers 404 {@code Not Found}.
 */
class HttpLambdaAuthorizerScenarioTest {
    private static final String FUNCTION =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";
    private static final String ALLOW_ALL =
            "{\"principalId\":\"u\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"%s\","
                    + "\"Resource\":\"arn:aws:execute-api:*:*:*/*/*/*\"}]},\"context\":%s}";

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-12-04T10:00:00Z"));
    private final FakeLambda function = FakeLambda.create("auth");

    private Api api(Consumer<HttpAuthorizer.Builder> authorizer) {
        HttpAuthorizer.Builder b =
                HttpAuthorizer.lambda("lam", FUNCTION, "2.0")
                        .enableSimpleResponses(true)
                        .identitySource(List.of("$request.header.X-Token"));
        authorizer.accept(b);
        return Api.builder()
                .httpApi(
                        HttpApi.builder("lambda-auth")
                                .authorizer(b.build())
                                .route(Route.builder("GET /pets").custom("lam").build())
                                .route(Route.builder("GET /cats").custom("lam").build())
                                .route(Route.builder("GET /files/{path+}").custom("lam").build())
                                .stage(HttpStage.DEFAULT, s -> s.stageVariable("tier", "gold"))
                                .build())
                .lambda("auth", function)
                .gateway(Gateway.builder().clock(clock).build())
                .build();
    }

    private static Request get(String path, String token) {
        return Request.builder().httpMethod("GET").target(path).header("X-Token", token).build();
    }

    private static void assertAnswer(Response response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"" + message + "\"}");
    }

    @Test
    void handle_isAuthorizedTrue_passes() {
        function.returns("{\"isAuthorized\":true,\"context\":{\"n\":1}}");

        assertAnswer(api(a -> {}).handle(get("/pets", "t1")), 404, "Not Found");
        assertThat(function.invocationCount()).isEqualTo(1);
    }

    @Test
    void handle_isAuthorizedFalse_answers403Forbidden() {
        function.returns("{\"isAuthorized\":false}");

        assertAnswer(api(a -> {}).handle(get("/pets", "t1")), 403, "Forbidden");
    }

    @Test
    void handle_missingIdentitySource_answers401WithoutInvoking() {
        Response response = api(a -> {}).handle(Request.get("/pets"));

        assertAnswer(response, 401, "Unauthorized");
        assertThat(response.headers().first("www-authenticate")).isEmpty();
        assertThat(function.invocationCount()).isZero();
    }

    @Test
    void handle_routeArnOver1600Bytes_answers414WithoutInvoking() {
        function.returns("{\"isAuthorized\":true}");

        Response response = api(a -> {}).handle(get("/files/" + "x".repeat(1600), "t1"));

        assertAnswer(response, 414, "Request-URI Too Long");
        assertThat(response.headers().first("content-type")).contains("application/json");
        assertThat(function.invocationCount()).isZero();
    }

    @Test
    void handle_headerSourceIsCaseInsensitive_invokes() {
        function.returns("{\"isAuthorized\":true}");
        Api api = api(a -> a.identitySource(List.of("$request.header.x-TOKEN")));

        assertAnswer(api.handle(get("/pets", "t1")), 404, "Not Found");
    }

    @Test
    void handle_queryStringStageVariableAndContextSources_areAllRequired() {
        function.returns("{\"isAuthorized\":true}");
        Api api =
                api(
                        a ->
                                a.identitySource(
                                        List.of(
                                                "$request.querystring.key",
                                                "$stageVariables.tier",
                                                "$context.requestId")));

        assertAnswer(api.handle(Request.get("/pets?key=k")), 404, "Not Found");
        assertAnswer(api.handle(Request.get("/pets?other=k")), 401, "Unauthorized");
        assertThat(function.invocationCount()).isEqualTo(1);
    }

    @Test
    void handle_cachedAnswer_servesTheSameIdentityAcrossRoutesUntilTheTtl() {
        function.returns("{\"isAuthorized\":true}");
        Api api = api(a -> a.authorizerResultTtlInSeconds(300));

        api.handle(get("/pets", "t1"));
        api.handle(get("/cats", "t1"));
        assertThat(function.invocationCount()).isEqualTo(1);

        api.handle(get("/pets", "t2"));
        assertThat(function.invocationCount()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(300));
        api.handle(get("/pets", "t1"));
        assertThat(function.invocationCount()).isEqualTo(3);
    }

    @Test
    void handle_cachedDenial_answers403WithoutInvoking() {
        function.returns("{\"isAuthorized\":false}");
        Api api = api(a -> a.authorizerResultTtlInSeconds(60));

        api.handle(get("/pets", "t1"));
        assertAnswer(api.handle(get("/pets", "t1")), 403, "Forbidden");
        assertThat(function.invocationCount()).isEqualTo(1);
    }

    @Test
    void handle_ttlZero_invokesEveryTime() {
        function.returns("{\"isAuthorized\":true}");
        Api api = api(a -> {});

        api.handle(get("/pets", "t1"));
        api.handle(get("/pets", "t1"));

        assertThat(function.invocationCount()).isEqualTo(2);
    }

    @Test
    void handle_policyAnswerAllow_passesAndDenyAnswers403() {
        Api api = api(a -> a.enableSimpleResponses(false));

        function.returns(String.format(ALLOW_ALL, "Allow", "{\"list\":[1,2]}"));
        assertAnswer(api.handle(get("/pets", "t1")), 404, "Not Found");

        function.returns(String.format(ALLOW_ALL, "Deny", "{}"));
        assertAnswer(api.handle(get("/pets", "t1")), 403, "Forbidden");
    }

    @Test
    void handle_v1PolicyAnswer_passes() {
        function.returns(String.format(ALLOW_ALL, "Allow", "{\"n\":1}"));

        assertAnswer(
                api(a -> a.authorizerPayloadFormatVersion("1.0").enableSimpleResponses(false))
                        .handle(get("/pets", "t1")),
                404,
                "Not Found");
    }

    @Test
    void handle_v1ContextWithReservedClaims_answers500() {
        function.returns(String.format(ALLOW_ALL, "Allow", "{\"claims\":\"x\"}"));

        assertAnswer(
                api(a -> a.authorizerPayloadFormatVersion("1.0").enableSimpleResponses(false))
                        .handle(get("/pets", "t1")),
                500,
                "Internal Server Error");
    }

    @Test
    void handle_invalidAnswers_answer500AndAreNotCached() {
        Api api = api(a -> a.authorizerResultTtlInSeconds(300));

        function.returns("{\"isAuthorized\":\"yes\"}");
        assertAnswer(api.handle(get("/pets", "t1")), 500, "Internal Server Error");
        function.returns("not json");
        assertAnswer(api.handle(get("/pets", "t1")), 500, "Internal Server Error");
        function.returns("{\"isAuthorized\":true}");
        assertAnswer(api.handle(get("/pets", "t1")), 404, "Not Found");
    }

    @Test
    void handle_functionError_answers500() {
        function.throwsError("boom", "Error");

        assertAnswer(api(a -> {}).handle(get("/pets", "t1")), 500, "Internal Server Error");
    }

    @Test
    void handle_functionErrorUnauthorized_answers401() {
        function.throwsError("Unauthorized", "Error");

        assertAnswer(api(a -> {}).handle(get("/pets", "t1")), 401, "Unauthorized");
    }

    @Test
    void handle_unboundFunction_answers500() {
        Api api =
                Api.builder()
                        .httpApi(
                                HttpApi.builder("unbound")
                                        .authorizer(
                                                HttpAuthorizer.lambda("lam", FUNCTION, "2.0")
                                                        .enableSimpleResponses(true)
                                                        .build())
                                        .route(Route.builder("GET /pets").custom("lam").build())
                                        .stage(HttpStage.DEFAULT, s -> {})
                                        .build())
                        .build();

        assertAnswer(api.handle(Request.get("/pets")), 500, "Internal Server Error");
    }

    @Test
    void handle_eventCarriesTheRouteAndIdentity() {
        function.answers(
                invocation ->
                        LambdaResult.of(
                                "{\"isAuthorized\":true}".getBytes(StandardCharsets.UTF_8)));

        api(a -> {}).handle(get("/pets", "t1"));

        JsonNode event = function.lastInvocation().json();
        assertThat(event.get("routeKey").asText()).isEqualTo("GET /pets");
        assertThat(event.get("identitySource").get(0).asText()).isEqualTo("t1");
        assertThat(event.get("routeArn").asText()).endsWith("/$default/GET/pets");
        assertThat(event.get("requestContext").get("stage").asText()).isEqualTo("$default");
    }
}
