package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ApiGatewayExtension#builder()}{@code .template(path)}: a test serves the REST API of a
 * CloudFormation template with its stage and variables (reference 9.1), its API key rule (reference
 * 8.2), and fakes bound to the template's function names.
 */
class ApiGatewayExtensionTemplateTest {
    private static final String KEY = "TemplateKey0123456789";

    @RegisterExtension
    static final ApiGatewayExtension gateway =
            ApiGatewayExtension.builder()
                    .template(Path.of("src/test/resources/templates/orders.yaml"))
                    .lambda("OrdersFunction")
                    .apiKey(KEY)
                    .build();

    @Test
    void stage_unset_isTheTemplatesOnlyStage() {
        assertThat(gateway.stage()).isEqualTo("prod");
    }

    @Test
    void handle_keyOfThePlan_reachesTheTemplatesFunction(Api api, FakeLambda orders) {
        orders.returnsProxyResponse(200, "[]");

        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("GET")
                                        .target("/prod/orders")
                                        .header("x-api-key", KEY)
                                        .build()))
                .hasStatus(200)
                .hasBody("[]");
        assertThat(orders.lastEvent().stageVariable("table")).contains("orders");
    }

    @Test
    void handle_noKey_answersForbidden(Api api) {
        assertThat(api.handle(Request.of("GET", "/prod/orders")))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY);
    }
}
