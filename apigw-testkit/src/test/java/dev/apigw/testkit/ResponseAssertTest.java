package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import org.junit.jupiter.api.Test;

/** The assertions through the public API, on responses of a real {@link Api}. */
class ResponseAssertTest {
    private final Api api = Api.builder()
            .restApi(RestApi.builder().name("orders")
                    .resource("/orders", r -> r.method("GET", m -> m
                            .methodResponse("200", mr -> { })
                            .integration(i -> i.type(IntegrationType.MOCK)
                                    .putRequestTemplate("application/json", "{\"statusCode\":200}")
                                    .integrationResponse("200", ir -> ir
                                            .putResponseParameter("method.response.header.X-Count",
                                                    "'3'")
                                            .putResponseTemplate("application/json",
                                                    "{\"orders\": [1, 2, 3]}")))))
                    .build())
            .deploy("test")
            .build();

    @Test
    void assertions_onMatchingResponse_pass() {
        Response response = api.handle(Request.of("GET", "/test/orders"));

        assertThat(response).hasStatus(200)
                .hasHeader("x-count", "3")
                .hasHeader("X-Amzn-RequestId")
                .doesNotHaveHeader("X-Amzn-Trace-Id")
                .hasBody("{\"orders\": [1, 2, 3]}")
                .hasJsonBody("{\"orders\":[1,2,3]}");
    }

    @Test
    void isGatewayResponse_unknownPath_passesForMissingAuthenticationToken() {
        Response response = api.handle(Request.of("GET", "/test/nothing"));

        assertThat(response).isGatewayResponse(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
    }

    @Test
    void assertions_onOtherResponse_failWithExpectingMessage() {
        Response response = api.handle(Request.of("GET", "/test/orders"));

        assertThatThrownBy(() -> assertThat(response).hasStatus(404))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting status");
        assertThatThrownBy(() -> assertThat(response).hasJsonBody("{\"orders\":[]}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting JSON body");
        assertThatThrownBy(() -> assertThat(response)
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY))
                .isInstanceOf(AssertionError.class).hasMessageContaining("INVALID_API_KEY");
        assertThatThrownBy(() -> assertThat(response).hasHeader("x-count", "4"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("x-count");
    }
}
