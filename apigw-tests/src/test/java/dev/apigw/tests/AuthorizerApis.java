package dev.apigw.tests;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.testkit.ManualClock;
import dev.apigw.tests.lambda.TokenPolicyHandler;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * REST APIs guarded by a Lambda authorizer (reference 8.3), for the authorizer scenario tests:
 * {@code GET /pets}, {@code POST /pets} and {@code GET /pets/{id}} are MOCK methods of
 * authorization type CUSTOM that echo {@code $context.authorizer.*}; {@code GET /open} has no
 * authorization. The API id is {@value #API_ID}, the account's region and id the defaults.
 */
final class AuthorizerApis {
    static final String API_ID = "authz12345";
    static final String AUTHORIZER_ID = "auth01";
    static final String FUNCTION = "token-authorizer";
    static final Instant START = Instant.parse("2026-03-04T10:00:00Z");

    /** What the MOCK methods answer: the authorizer's output as templates see it. */
    static final String ECHO =
            "{\"principal\":\"$context.authorizer.principalId\","
                    + "\"tenant\":\"$context.authorizer.tenant\","
                    + "\"level\":\"$context.authorizer.level\","
                    + "\"admin\":\"$context.authorizer.admin\"}";

    private AuthorizerApis() {}

    /** Returns the Lambda invocation URI of a function. */
    static String uri(String function) {
        return LambdaProxyScenarioTest.uri(function);
    }

    /** Returns a TOKEN authorizer reading the Authorization header, calling {@link #FUNCTION}. */
    static Authorizer.Builder token() {
        return Authorizer.builder()
                .id(AUTHORIZER_ID)
                .name("token-auth")
                .type(AuthorizerType.TOKEN)
                .authorizerUri(uri(FUNCTION))
                .identitySource("method.request.header.Authorization");
    }

    /** Returns the pets API guarded by {@code authorizer}, with more changes. */
    static RestApi restApi(Authorizer authorizer, Consumer<RestApi.Builder> more) {
        RestApi.Builder b =
                RestApi.builder()
                        .id(API_ID)
                        .name("pets")
                        .authorizer(authorizer)
                        .resource(
                                "/pets",
                                r ->
                                        r.method("GET", m -> echo(m, true))
                                                .method("POST", m -> echo(m, true)))
                        .resource("/pets/{id}", r -> r.method("GET", m -> echo(m, true)))
                        .resource("/open", r -> r.method("GET", m -> echo(m, false)));
        more.accept(b);
        return b.build();
    }

    /** Makes a method a MOCK echoing the authorizer's output, guarded when {@code custom}. */
    static void echo(Method.Builder m, boolean custom) {
        if (custom) {
            m.authorizationType(AuthorizationType.CUSTOM).authorizerId(AUTHORIZER_ID);
        }
        m.methodResponse("200", mr -> {})
                .integration(
                        i ->
                                i.type(IntegrationType.MOCK)
                                        .putRequestTemplate(
                                                "application/json", "{\"statusCode\": 200}")
                                        .integrationResponse(
                                                "200",
                                                ir ->
                                                        ir.putResponseTemplate(
                                                                "application/json", ECHO)));
    }

    /** Returns a clock at {@link #START}. */
    static ManualClock clock() {
        return ManualClock.startingAt(START);
    }

    /**
     * Returns the API deployed to {@code live} and {@code test}, with {@code handler} bound as
     * {@link #FUNCTION} and the account on {@code clock}.
     */
    static Api api(RestApi restApi, TokenPolicyHandler handler, ManualClock clock) {
        return builder(restApi, clock)
                .lambda(
                        FUNCTION,
                        LambdaHandlers.requestHandler(
                                handler,
                                com.amazonaws.services.lambda.runtime.events
                                        .APIGatewayCustomAuthorizerEvent.class))
                .build();
    }

    /** Returns a builder of the API deployed to {@code live} and {@code test} on {@code clock}. */
    static Api.Builder builder(RestApi restApi, ManualClock clock) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .gateway(Gateway.builder().clock(clock).build())
                .restApi(restApi)
                .deploy("live", s -> s.putVariable("env", "production"))
                .deploy("test");
    }

    /** Returns the method ARN of a request to the API (reference 8.3). */
    static String methodArn(String stage, String method, String path) {
        return "arn:aws:execute-api:us-east-1:123456789012:"
                + API_ID
                + "/"
                + stage
                + "/"
                + method
                + "/"
                + path;
    }
}
