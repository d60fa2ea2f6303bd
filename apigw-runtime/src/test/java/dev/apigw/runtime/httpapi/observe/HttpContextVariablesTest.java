package dev.apigw.runtime.httpapi.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.httpapi.RouteAuthorization;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.IamIdentity;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code $context.authorizer.*} and {@code identity.*} variables of HTTP APIs (10.4, 8.5). */
class HttpContextVariablesTest {
    private static final ContextVariables VARIABLES =
            ContextVariables.builder().registerAll(HttpContextVariables::register).build();

    private static Exchange authorized(RouteAuthorization authorization) {
        return TestExchanges.arrived(Request.get("/pets"))
                .withAttribute(RouteAuthorization.KEY, authorization);
    }

    @Test
    void value_lambdaAuthorizerContext_isNotStringified() {
        Exchange exchange =
                authorized(
                        RouteAuthorization.lambda(
                                Map.of("count", 1, "admin", true, "name", "ann"),
                                Optional.of("user-1")));

        assertThat(VARIABLES.value(exchange, "authorizer.count")).isEqualTo("1");
        assertThat(VARIABLES.value(exchange, "authorizer.admin")).isEqualTo("true");
        assertThat(VARIABLES.value(exchange, "authorizer.name")).isEqualTo("ann");
        assertThat(VARIABLES.value(exchange, "authorizer.principalId")).isEqualTo("user-1");
        assertThat(VARIABLES.value(exchange, "authorizer.error")).isNull();
    }

    @Test
    void value_jwtClaims_readByClaimName() {
        Exchange exchange =
                authorized(
                        RouteAuthorization.jwt(
                                Map.of("sub", "abc", "exp", 1767225600L, "email_verified", true),
                                List.of("read")));

        assertThat(VARIABLES.value(exchange, "authorizer.claims.sub")).isEqualTo("abc");
        assertThat(VARIABLES.value(exchange, "authorizer.claims.exp")).isEqualTo("1767225600");
        assertThat(VARIABLES.value(exchange, "authorizer.claims.email_verified")).isEqualTo("true");
        assertThat(VARIABLES.value(exchange, "authorizer.claims.missing")).isNull();
    }

    @Test
    void value_authorizerRefused_errorIsTheAnswersMessage() {
        Exchange exchange = TestExchanges.arrived(Request.get("/pets"));
        exchange.record().gatewayError(GatewayResponseType.UNAUTHORIZED, "Unauthorized");

        assertThat(VARIABLES.value(exchange, "authorizer.error")).isEqualTo("Unauthorized");
    }

    @Test
    void value_noAuthorizer_authorizerVariablesUnset() {
        Exchange exchange = TestExchanges.arrived(Request.get("/pets"));

        assertThat(VARIABLES.value(exchange, "authorizer.claims.sub")).isNull();
        assertThat(VARIABLES.value(exchange, "authorizer.error")).isNull();
        assertThat(VARIABLES.value(exchange, "identity.caller")).isNull();
        assertThat(VARIABLES.value(exchange, "routeKey")).isNull();
        assertThat(VARIABLES.value(exchange, "stage")).isNull();
    }

    @Test
    void value_iamCaller_fillsTheIdentity() {
        Exchange exchange =
                authorized(
                        RouteAuthorization.iam(
                                new IamIdentity(
                                        "AKIA1",
                                        "123456789012",
                                        "AIDA1",
                                        "AIDA1",
                                        "arn:aws:iam::123456789012:user/ann")));

        assertThat(VARIABLES.value(exchange, "identity.accessKey")).isEqualTo("AKIA1");
        assertThat(VARIABLES.value(exchange, "identity.accountId")).isEqualTo("123456789012");
        assertThat(VARIABLES.value(exchange, "identity.userArn"))
                .isEqualTo("arn:aws:iam::123456789012:user/ann");
    }
}
