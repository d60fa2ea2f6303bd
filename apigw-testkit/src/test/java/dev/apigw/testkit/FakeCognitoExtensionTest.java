package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's use of {@link FakeCognito} with the extension (reference 8.4, 2.1). */
class FakeCognitoExtensionTest {
    static final FakeCognito cognito = FakeCognito.builder().poolId("us-east-1_AbCdEf123").build();
    private static final String FUNCTION_URI =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:ProfileFunction/invocations";

    private static RestApi restApi() {
        Authorizer pool =
                Authorizer.builder()
                        .name("UserPool")
                        .type(AuthorizerType.COGNITO_USER_POOLS)
                        .identitySource("method.request.header.Authorization")
                        .providerArns(
                                List.of(
                                        "arn:aws:cognito-idp:us-east-1:111122223333:userpool/"
                                                + "us-east-1_AbCdEf123"))
                        .build();
        return RestApi.builder()
                .name("profiles")
                .authorizer(pool)
                .resource(
                        "/profile",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.authorizationType(
                                                                AuthorizationType
                                                                        .COGNITO_USER_POOLS)
                                                        .authorizerId(pool.id())
                                                        .integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        FUNCTION_URI))))
                .build();
    }

    @RegisterExtension
    static final ApiGatewayExtension gateway =
            ApiGatewayExtension.builder()
                    .restApi(restApi())
                    .configure(cognito::bindTo)
                    .lambda("ProfileFunction")
                    .build();

    private static Request getProfile(String token) {
        return Request.builder()
                .httpMethod("GET")
                .target("/test/profile")
                .header("Authorization", token)
                .build();
    }

    @Test
    void getProfile_validIdToken_handlerSeesTheClaims(
            Api api, FakeLambda profile, ManualClock clock) {
        profile.returnsProxyResponse(200, "{}");
        String token =
                cognito.withClock(clock)
                        .idToken(t -> t.subject("user-7").claim("custom:role", "admin"));

        assertThat(api.handle(getProfile(token))).hasStatus(200);
        assertThat(profile.lastEvent().claim("sub")).contains("user-7");
        assertThat(profile.lastEvent().claim("custom:role")).contains("admin");
    }

    @Test
    void getProfile_tokenPastItsHour_unauthorized(Api api, FakeLambda profile, ManualClock clock) {
        String token = cognito.withClock(clock).idToken();

        clock.advance(Duration.ofHours(1));

        assertThat(api.handle(getProfile(token)))
                .hasStatus(401)
                .hasBody("{\"message\":\"Unauthorized\"}");
        assertThat(profile.invocationCount()).isZero();
    }
}
