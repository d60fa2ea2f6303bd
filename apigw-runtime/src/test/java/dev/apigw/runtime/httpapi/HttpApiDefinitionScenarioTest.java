package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.HttpApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import org.junit.jupiter.api.Test;

/** An HTTP API of an imported template served through {@code Api.Builder.definition} (7.2, 9.1). */
class HttpApiDefinitionScenarioTest {
    @Test
    void definition_httpApiLogicalId_servesTheHttpApiOnItsStages() {
        HttpApi http =
                HttpApi.builder("orders")
                        .route("GET /orders", r -> {})
                        .stage("live", s -> {})
                        .build();
        GatewayDefinition definition =
                GatewayDefinition.builder().httpApi("OrdersApi", http).build();

        Api api = Api.builder().definition(definition, "OrdersApi").build();
        Response response = api.handle(Request.get("/live/orders"));

        assertThat(api.httpApi()).contains(http);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().first("apigw-requestid")).isPresent();
        assertThat(api.handle(Request.get("/orders")).bodyAsString())
                .isEqualTo("{\"message\":\"Not Found\"}");
    }
}
