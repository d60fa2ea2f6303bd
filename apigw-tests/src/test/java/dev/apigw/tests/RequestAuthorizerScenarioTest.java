package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static dev.apigw.tests.AuthorizerApis.AUTHORIZER_ID;
import static dev.apigw.tests.AuthorizerApis.FUNCTION;
import static dev.apigw.tests.AuthorizerApis.builder;
import static dev.apigw.tests.AuthorizerApis.clock;
import static dev.apigw.tests.AuthorizerApis.methodArn;
import static dev.apigw.tests.AuthorizerApis.restApi;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.testkit.ManualClock;
import dev.apigw.tests.lambda.ScriptedAuthorizerHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * REQUEST Lambda authorizers through {@link Api#handle} (reference 8.3): the event with every
 * field, identity sources of every kind, the cache keyed by all their values, and the sources
 * optional when caching is off.
 */
class RequestAuthorizerScenarioTest {
    private static final String SOURCES =
            "method.request.header.X-User, method.request.querystring.tenant,"
                    + " stageVariables.env, context.httpMethod";

    private final ManualClock clock = clock();
    private final ScriptedAuthorizerHandler handler =
            new ScriptedAuthorizerHandler(
                    event ->
                            ScriptedAuthorizerHandler.allow(
                                    event.path("headers").path("X-User").asText("nobody"),
                                    "arn:aws:execute-api:*:*:*/*/*/*"));

    private static Authorizer.Builder request(String sources) {
        return Authorizer.builder()
                .id(AUTHORIZER_ID)
                .name("request-auth")
                .type(AuthorizerType.REQUEST)
                .authorizerUri(AuthorizerApis.uri(FUNCTION))
                .identitySource(sources);
    }

    private Api api(Authorizer authorizer) {
        return builder(restApi(authorizer, b -> {}), clock)
                .lambda(FUNCTION, LambdaHandlers.streamHandler(handler))
                .build();
    }

    private static Request call(String method, String target, String user) {
        return Request.builder()
                .httpMethod(method)
                .target(target)
                .header("X-User", user)
                .header("Accept", "application/json")
                .sourceIp("198.51.100.7")
                .build();
    }

    @Test
    void handle_requestAuthorizer_sendsEveryFieldInAwsOrder() {
        Api api = api(request(SOURCES).build());

        assertThat(api.handle(call("GET", "/live/pets/7?tenant=t1&tenant=t2&q=a", "ann")))
                .hasStatus(200);

        JsonNode event = handler.events().get(0);
        List<String> fields = new ArrayList<>();
        event.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "type",
                        "methodArn",
                        "resource",
                        "path",
                        "httpMethod",
                        "headers",
                        "multiValueHeaders",
                        "queryStringParameters",
                        "multiValueQueryStringParameters",
                        "pathParameters",
                        "stageVariables",
                        "requestContext");
        assertThat(event.path("type").asText()).isEqualTo("REQUEST");
        assertThat(event.path("methodArn").asText()).isEqualTo(methodArn("live", "GET", "pets/7"));
        assertThat(event.path("resource").asText()).isEqualTo("/pets/{id}");
        assertThat(event.path("path").asText()).isEqualTo("/pets/7");
        assertThat(event.path("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.path("headers").path("X-User").asText()).isEqualTo("ann");
        assertThat(event.path("multiValueHeaders").path("Accept").toString())
                .isEqualTo("[\"application/json\"]");
        assertThat(event.path("queryStringParameters").toString())
                .isEqualTo("{\"tenant\":\"t2\",\"q\":\"a\"}");
        assertThat(event.path("multiValueQueryStringParameters").path("tenant").toString())
                .isEqualTo("[\"t1\",\"t2\"]");
        assertThat(event.path("pathParameters").toString()).isEqualTo("{\"id\":\"7\"}");
        assertThat(event.path("stageVariables").toString()).isEqualTo("{\"env\":\"production\"}");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("stage").asText()).isEqualTo("live");
        assertThat(context.path("resourcePath").asText()).isEqualTo("/pets/{id}");
        assertThat(context.path("path").asText()).isEqualTo("/live/pets/7");
        assertThat(context.path("apiId").asText()).isEqualTo(AuthorizerApis.API_ID);
        assertThat(context.path("identity").path("sourceIp").asText()).isEqualTo("198.51.100.7");
        assertThat(context.has("authorizer")).isFalse();
    }

    @Test
    void handle_resourceWithoutPathParameters_sendsEmptyPathParameters() {
        Api api = api(request("method.request.header.X-User").build());

        api.handle(
                Request.builder()
                        .httpMethod("GET")
                        .target("/test/pets")
                        .header("X-User", "ann")
                        .build());

        JsonNode event = handler.events().get(0);
        assertThat(event.path("pathParameters").toString()).isEqualTo("{}");
        assertThat(event.path("stageVariables").isNull()).isTrue();
        assertThat(event.path("queryStringParameters").isNull()).isTrue();
    }

    @Test
    void handle_cache_isKeyedByTheValuesOfEverySource() {
        Api api = api(request(SOURCES).build());

        api.handle(call("GET", "/live/pets?tenant=t1", "ann"));
        api.handle(call("GET", "/live/pets/3?tenant=t1", "ann"));
        assertThat(handler.calls()).isEqualTo(1);

        api.handle(call("GET", "/live/pets?tenant=t2", "ann"));
        api.handle(call("GET", "/live/pets?tenant=t1", "bob"));
        api.handle(call("POST", "/live/pets?tenant=t1", "ann"));
        assertThat(handler.calls()).isEqualTo(4);
    }

    @Test
    void handle_oneSourceMissingWithCaching_answers401WithoutCallingTheFunction() {
        Api api = api(request(SOURCES).build());

        assertThat(api.handle(call("GET", "/live/pets", "ann")))
                .isGatewayResponse(GatewayResponseType.UNAUTHORIZED)
                .hasBody("{\"message\":\"Unauthorized\"}");
        assertThat(api.handle(call("GET", "/test/pets?tenant=t1", "ann")))
                .isGatewayResponse(GatewayResponseType.UNAUTHORIZED);
        assertThat(api.handle(call("GET", "/live/pets?tenant=", "ann")))
                .isGatewayResponse(GatewayResponseType.UNAUTHORIZED);
        assertThat(handler.calls()).isZero();
    }

    @Test
    void handle_sourceMissingWithoutCaching_callsTheFunction() {
        Api api = api(request(SOURCES).authorizerResultTtlInSeconds(0).build());

        assertThat(api.handle(Request.of("GET", "/test/pets"))).hasStatus(200);
        assertThat(api.handle(Request.of("GET", "/test/pets"))).hasStatus(200);
        assertThat(handler.calls()).isEqualTo(2);
    }

    @Test
    void handle_noSourcesWithoutCaching_callsTheFunctionEveryTime() {
        Api api = api(request(null).authorizerResultTtlInSeconds(0).build());

        assertThat(api.handle(call("GET", "/live/pets", "ann")))
                .hasStatus(200)
                .hasJsonBody(
                        "{\"principal\":\"ann\",\"tenant\":\"\",\"level\":\"\",\"admin\":\"\"}");
        assertThat(handler.calls()).isEqualTo(1);
    }

    @Test
    void build_requestAuthorizerCachingWithoutSources_failsNamingTheAuthorizer() {
        assertThatThrownBy(() -> api(request(null).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer request-auth")
                .hasMessageContaining("identitySource");
    }

    @Test
    void build_requestAuthorizerWithPathParameterSource_failsNamingTheAuthorizer() {
        assertThatThrownBy(() -> api(request("method.request.path.id").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer request-auth")
                .hasMessageContaining("method.request.path.id");
    }

    @Test
    void handle_requestAuthorizerWithValidationExpression_ignoresIt() {
        Api api = api(request(SOURCES).identityValidationExpression("^never$").build());

        assertThat(api.handle(call("GET", "/live/pets?tenant=t1", "ann"))).hasStatus(200);
    }
}
