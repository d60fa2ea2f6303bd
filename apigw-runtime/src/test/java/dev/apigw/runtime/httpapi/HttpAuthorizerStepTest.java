package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpStage;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.auth.UserPoolKeys;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import dev.apigw.runtime.spi.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@link HttpAuthorizerStep} hands on (reference 8.5 to 8.7, 10.4): the {@link
 * RouteAuthorization} of a JWT (claims with their JSON types, scopes) or a Lambda authorizer
 * (context with its JSON types, principal id), the 401 challenge of a refused JWT, and the events a
 * Lambda authorizer receives (reference 8.6).
 */
class HttpAuthorizerStepTest {
    private static final String ISSUER = "https://issuer.example.com";
    private static final String FUNCTION =
            "arn:aws:apigateway:ap-south-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:ap-south-1:111122223333:function:auth/invocations";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RSAKey KEY = newKey();

    private final HttpAuthorizerStep step = new HttpAuthorizerStep();
    private final RecordingChain next = RecordingChain.answering200();

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("api")
                .subject("user-1")
                .expirationTime(Date.from(TestExchanges.NOW.plusSeconds(600)));
    }

    private static HttpApi api(HttpAuthorizer authorizer, dev.apigw.model.Route route) {
        return HttpApi.builder("auth")
                .authorizer(authorizer)
                .route(route)
                .stage(HttpStage.DEFAULT, s -> s.stageVariable("tier", "gold"))
                .build();
    }

    private static dev.apigw.model.Route jwtRoute(String... scopes) {
        return dev.apigw.model.Route.builder("GET /pets/{id}").jwt("jwt", scopes).build();
    }

    private static Exchange routed(TestExchanges.Builder fixture, HttpApi api, Request request) {
        Exchange arrived = fixture.arrived(request);
        CompiledHttpApi compiled = CompiledHttpApi.compile(api, arrived.gateway());
        HttpStage stage = api.stages().get(HttpStage.DEFAULT);
        return arrived.withAttribute(HttpResolution.KEY, new HttpResolution(stage, request.path()))
                .withRoute(compiled.route(request.httpMethod(), request.path()).orElseThrow());
    }

    private Exchange jwtExchange(String authorization, String... scopes) {
        TestExchanges.Builder fixture =
                TestExchanges.builder()
                        .binding(
                                UserPoolKeys.BINDINGS,
                                Map.of(ISSUER, UserPoolKeys.of(ISSUER, jwks())));
        return routed(
                fixture,
                HttpApi.builder("auth")
                        .authorizer(HttpAuthorizer.jwt("jwt", ISSUER, "api").build())
                        .route(jwtRoute(scopes))
                        .stage(HttpStage.DEFAULT, s -> {})
                        .build(),
                Request.builder()
                        .httpMethod("GET")
                        .target("/pets/7")
                        .header("Authorization", authorization)
                        .build());
    }

    private static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    @Test
    void apply_validJwt_passesClaimsWithTheirJsonTypesAndScopes() throws Exception {
        String token =
                token(
                        claims().claim("scope", "pets/read pets/write")
                                .claim("level", 3)
                                .claim("admin", true)
                                .claim("groups", List.of("a", "b"))
                                .build());

        step.apply(jwtExchange("Bearer " + token, "pets/read"), next);

        RouteAuthorization authorization =
                next.passed().attribute(RouteAuthorization.KEY).orElseThrow();
        assertThat(authorization.kind()).isEqualTo(RouteAuthorization.Kind.JWT);
        assertThat(authorization.claims())
                .containsEntry("sub", "user-1")
                .containsEntry("level", 3L)
                .containsEntry("admin", true)
                .containsEntry("groups", List.of("a", "b"))
                .containsEntry("exp", TestExchanges.NOW.plusSeconds(600).getEpochSecond());
        assertThat(authorization.scopes()).containsExactly("pets/read", "pets/write");
    }

    @Test
    void apply_routeWithoutScopes_passesNoScopes() throws Exception {
        step.apply(jwtExchange(token(claims().claim("scope", "x").build())), next);

        assertThat(next.passed().attribute(RouteAuthorization.KEY).orElseThrow().scopes())
                .isEmpty();
    }

    @Test
    void apply_refusedJwt_answers401WithTheChallengeAndStops() throws Exception {
        Response response =
                step.apply(jwtExchange(token(claims().audience("other").build())), next);

        assertThat(next.called()).isFalse();
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().first("www-authenticate"))
                .contains(
                        "Bearer scope=\"\" error=\"invalid_token\""
                                + " error_description=\"the token does not have a valid"
                                + " audience\"");
    }

    @Test
    void apply_openRoute_passesWithoutAuthorization() {
        Exchange exchange =
                routed(
                        TestExchanges.builder(),
                        HttpApi.builder("open")
                                .route("GET /pets/{id}", r -> {})
                                .stage(HttpStage.DEFAULT, s -> {})
                                .build(),
                        Request.get("/pets/1"));

        step.apply(exchange, next);

        assertThat(next.passed().attribute(RouteAuthorization.KEY)).isEmpty();
    }

    private Exchange lambdaExchange(
            HttpAuthorizer authorizer, String answer, List<byte[]> events, Request request) {
        TestExchanges.Builder fixture =
                TestExchanges.builder()
                        .lambda(
                                "auth",
                                invocation -> {
                                    events.add(invocation.payload());
                                    return LambdaResult.of(answer.getBytes(StandardCharsets.UTF_8));
                                });
        return routed(
                fixture,
                api(
                        authorizer,
                        dev.apigw.model.Route.builder("GET /pets/{id}").custom("lam").build()),
                request);
    }

    private static Request lambdaRequest() {
        return Request.builder()
                .httpMethod("GET")
                .target("/pets/7?a=1&a=2")
                .header("X-Token", "t1")
                .header("Cookie", "c1=v1; c2=v2")
                .header("Accept", "x")
                .header("Accept", "y")
                .build();
    }

    @Test
    void apply_simpleLambdaAnswer_passesContextWithItsJsonTypes() throws Exception {
        List<byte[]> events = new ArrayList<>();
        Exchange exchange =
                lambdaExchange(
                        HttpAuthorizer.lambda("lam", FUNCTION, "2.0")
                                .enableSimpleResponses(true)
                                .identitySource(List.of("$request.header.x-token"))
                                .build(),
                        "{\"isAuthorized\":true,\"context\":{\"n\":1,\"b\":true,"
                                + "\"o\":{\"k\":\"v\"},\"l\":[1,2]}}",
                        events,
                        lambdaRequest());

        step.apply(exchange, next);

        RouteAuthorization authorization =
                next.passed().attribute(RouteAuthorization.KEY).orElseThrow();
        assertThat(authorization.kind()).isEqualTo(RouteAuthorization.Kind.LAMBDA);
        assertThat(authorization.lambdaContext())
                .containsEntry("n", 1)
                .containsEntry("b", true)
                .containsEntry("o", Map.of("k", "v"))
                .containsEntry("l", List.of(1, 2));
        assertThat(authorization.principalId()).isEmpty();
    }

    @Test
    void apply_lambdaV2_sendsTheEventOfReference86() throws Exception {
        List<byte[]> events = new ArrayList<>();
        Exchange exchange =
                lambdaExchange(
                        HttpAuthorizer.lambda("lam", FUNCTION, "2.0")
                                .enableSimpleResponses(true)
                                .identitySource(
                                        List.of("$request.header.X-Token", "$stageVariables.tier"))
                                .build(),
                        "{\"isAuthorized\":true}",
                        events,
                        lambdaRequest());

        step.apply(exchange, next);

        JsonNode event = JSON.readTree(events.get(0));
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("type").asText()).isEqualTo("REQUEST");
        assertThat(event.get("routeArn").asText())
                .isEqualTo(
                        "arn:aws:execute-api:ap-south-1:111122223333:unitapi001/$default/GET/pets/7");
        assertThat(event.get("identitySource").toString()).isEqualTo("[\"t1\",\"gold\"]");
        assertThat(event.get("routeKey").asText()).isEqualTo("GET /pets/{id}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/pets/7");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("a=1&a=2");
        assertThat(event.get("cookies").toString()).isEqualTo("[\"c1=v1\",\"c2=v2\"]");
        assertThat(event.get("headers").get("accept").asText()).isEqualTo("x,y");
        assertThat(event.get("headers").has("cookie")).isFalse();
        assertThat(event.get("queryStringParameters").get("a").asText()).isEqualTo("1,2");
        assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("7");
        assertThat(event.get("stageVariables").get("tier").asText()).isEqualTo("gold");
        JsonNode context = event.get("requestContext");
        assertThat(context.get("accountId").asText()).isEqualTo("111122223333");
        assertThat(context.get("apiId").asText()).isEqualTo("unitapi001");
        assertThat(context.get("stage").asText()).isEqualTo("$default");
        assertThat(context.get("routeKey").asText()).isEqualTo("GET /pets/{id}");
        assertThat(context.get("http").get("method").asText()).isEqualTo("GET");
        assertThat(context.get("timeEpoch").asLong()).isEqualTo(TestExchanges.NOW.toEpochMilli());
    }

    @Test
    void apply_lambdaV1Policy_sendsTheRestLikeEventAndPassesThePrincipal() throws Exception {
        List<byte[]> events = new ArrayList<>();
        String allow =
                "{\"principalId\":\"me\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                        + "\"Resource\":\"arn:aws:execute-api:*:*:*/*/GET/pets/*\"}]},"
                        + "\"context\":{\"n\":2}}";
        Exchange exchange =
                lambdaExchange(
                        HttpAuthorizer.lambda("lam", FUNCTION, "1.0")
                                .identitySource(
                                        List.of(
                                                "$request.header.X-Token",
                                                "$request.querystring.a"))
                                .build(),
                        allow,
                        events,
                        lambdaRequest());

        step.apply(exchange, next);

        RouteAuthorization authorization =
                next.passed().attribute(RouteAuthorization.KEY).orElseThrow();
        assertThat(authorization.principalId()).isEqualTo(Optional.of("me"));
        assertThat(authorization.lambdaContext()).containsEntry("n", 2);
        JsonNode event = JSON.readTree(events.get(0));
        assertThat(event.get("version").asText()).isEqualTo("1.0");
        assertThat(event.get("identitySource").asText()).isEqualTo("t1,2");
        assertThat(event.get("authorizationToken").asText()).isEqualTo("t1,2");
        assertThat(event.get("methodArn").asText()).endsWith("/$default/GET/pets/7");
        assertThat(event.get("resource").asText()).isEqualTo("/pets/{id}");
        assertThat(event.get("multiValueQueryStringParameters").get("a").size()).isEqualTo(2);
        assertThat(event.get("requestContext").get("resourceId").asText())
                .isEqualTo("GET /pets/{id}");
    }

    @Test
    void apply_lambdaPolicyNotCoveringTheRoute_throwsAccessDenied() {
        String other =
                "{\"principalId\":\"me\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                        + "\"Resource\":\"arn:aws:execute-api:*:*:*/*/POST/*\"}]}}";
        Exchange exchange =
                lambdaExchange(
                        HttpAuthorizer.lambda("lam", FUNCTION, "2.0").build(),
                        other,
                        new ArrayList<>(),
                        lambdaRequest());

        GatewayException e =
                catchThrowableOfType(GatewayException.class, () -> step.apply(exchange, next));

        assertThat(e.type()).isEqualTo(GatewayResponseType.ACCESS_DENIED);
        assertThat(next.called()).isFalse();
    }
}
