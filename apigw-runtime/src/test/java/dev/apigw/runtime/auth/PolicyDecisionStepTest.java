package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IamIdentity;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The combined decision (reference 8.8): every row of tables A and B through the step, for a Lambda
 * authorizer's decision (table A) and an IAM caller of the API's account ({@code 111122223333}, the
 * fixture's: table A) or of another account (table B), with a resource policy that allows, denies
 * or is silent.
 */
class PolicyDecisionStepTest {
    private static final String AUTH_URI =
            "arn:aws:apigateway:ap-south-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:ap-south-1:111122223333:function:auth/invocations";

    private final PolicyDecisionStep step = new PolicyDecisionStep();
    private final RecordingChain next = RecordingChain.answering200();

    /** A resource policy whose decision for GET /test/pets is {@code resource}. */
    private static String policy(PolicyDecision resource) {
        String effect = resource == PolicyDecision.DENY ? "Deny" : "Allow";
        String target =
                resource == PolicyDecision.NO_MATCH ? "execute-api:/other/*" : "execute-api:/*";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\""
                + effect
                + "\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\""
                + target
                + "\"}]}";
    }

    private static Exchange routed(AuthorizationType type, PolicyDecision resource) {
        return TestExchanges.builder()
                .method(
                        api ->
                                api.id("unitapi001")
                                        .policy(policy(resource))
                                        .authorizer(
                                                Authorizer.builder()
                                                        .name("auth")
                                                        .type(AuthorizerType.TOKEN)
                                                        .authorizerUri(AUTH_URI)
                                                        .identitySource(
                                                                "method.request.header.Auth")
                                                        .build()),
                        "/pets",
                        "GET",
                        m -> {
                            m.authorizationType(type);
                            if (type == AuthorizationType.CUSTOM) {
                                m.authorizerId(
                                        Authorizer.builder()
                                                .name("auth")
                                                .type(AuthorizerType.TOKEN)
                                                .authorizerUri(AUTH_URI)
                                                .build()
                                                .id());
                            }
                        })
                .routed(Request.get("/test/pets"));
    }

    private static Exchange decided(Exchange exchange, PolicyDecision identity) {
        Exchange e = exchange.withAttribute(AuthorizerStep.IDENTITY_DECISION, identity);
        return exchange.route().target().authorizationType() == AuthorizationType.CUSTOM
                ? e.withAttribute(
                        ResourcePolicyStep.ANONYMOUS_DECISION,
                        ResourcePolicy.of(e)
                                .orElseThrow()
                                .decide(MethodArn.of(e), RequestConditions.of(e)))
                : e;
    }

    private boolean allows(Exchange exchange) {
        GatewayException e =
                catchThrowableOfType(GatewayException.class, () -> step.apply(exchange, next));
        if (e != null) {
            assertThat(e.type()).isEqualTo(GatewayResponseType.ACCESS_DENIED);
            assertThat(next.called()).isFalse();
        }
        return e == null;
    }

    @ParameterizedTest(name = "table A: authorizer {0}, resource policy {1} -> {2}")
    @CsvSource({
        "ALLOW, ALLOW, true",
        "ALLOW, NO_MATCH, true",
        "ALLOW, DENY, false",
        "NO_MATCH, ALLOW, true",
        "NO_MATCH, NO_MATCH, false",
        "NO_MATCH, DENY, false",
        "DENY, ALLOW, false",
        "DENY, NO_MATCH, false",
        "DENY, DENY, false",
    })
    void apply_lambdaAuthorizer_followsTableA(
            PolicyDecision identity, PolicyDecision resource, boolean allowed) {
        Exchange exchange = decided(routed(AuthorizationType.CUSTOM, resource), identity);

        assertThat(allows(exchange)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "IAM caller of {0}, resource policy {1} -> {2}")
    @CsvSource({
        "111122223333, ALLOW, true",
        "111122223333, NO_MATCH, true",
        "111122223333, DENY, false",
        "999988887777, ALLOW, true",
        "999988887777, NO_MATCH, false",
        "999988887777, DENY, false",
    })
    void apply_iamCaller_followsTableAOrB(
            String account, PolicyDecision resource, boolean allowed) {
        Exchange exchange =
                decided(routed(AuthorizationType.AWS_IAM, resource), PolicyDecision.ALLOW)
                        .withIamIdentity(
                                new IamIdentity(
                                        "AKIA1",
                                        account,
                                        "AKIA1",
                                        "AKIA1",
                                        "arn:aws:iam::" + account + ":user/u"));

        assertThat(allows(exchange)).isEqualTo(allowed);
    }
}
