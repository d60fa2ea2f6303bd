package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.SelectionValue;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What {@link IntegrationResponseStep} decides (reference 6.1): the first integration response
 * whose selection pattern matches the whole selection value (the endpoint status, or a Lambda
 * function's {@code errorMessage}), else the default; its response template chosen by {@code
 * Accept}; no match and no default, or a selected status without a method response, is
 * API_CONFIGURATION_ERROR. Proxy integrations' responses pass untouched.
 */
class IntegrationResponseStepTest {
    private final IntegrationResponseStep step = new IntegrationResponseStep();

    /**
     * A MOCK method with method responses 200 and 404: integration response 404 for {@code 4\d\d}
     * or {@code Not found.*}, and whatever {@code more} adds.
     */
    private static Exchange routed(Request request, Consumer<Integration.Builder> more) {
        return TestExchanges.builder()
                .method(
                        "/pets",
                        "GET",
                        m ->
                                m.methodResponse("404", mr -> {})
                                        .integration(
                                                i -> {
                                                    i.type(IntegrationType.MOCK)
                                                            .integrationResponse(
                                                                    "404",
                                                                    ir ->
                                                                            ir.selectionPattern(
                                                                                            "4\\d\\d|Not found.*")
                                                                                    .putResponseTemplate(
                                                                                            "application/json",
                                                                                            "{\"missing\":true}"));
                                                    more.accept(i);
                                                }))
                .routed(request);
    }

    private static Exchange routed(Consumer<Integration.Builder> more) {
        return routed(Request.get("/test/pets"), more);
    }

    private static Consumer<Integration.Builder> withDefault() {
        return i ->
                i.integrationResponse(
                        "200",
                        ir ->
                                ir.putResponseTemplate("application/json", "{\"json\":true}")
                                        .putResponseTemplate("application/xml", "<xml/>"));
    }

    private static Response endpoint(int status) {
        return Response.builder().statusCode(status).body("{\"from\":\"endpoint\"}").build();
    }

    private Response apply(Exchange exchange, Response endpoint) {
        return step.apply(exchange, RecordingChain.answering(endpoint));
    }

    private GatewayException rejected(Exchange exchange, Response endpoint) {
        return catchThrowableOfType(GatewayException.class, () -> apply(exchange, endpoint));
    }

    @Test
    void apply_statusMatchesPattern_selectsThatIntegrationResponse() {
        Response response = apply(routed(withDefault()), endpoint(404));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).isEqualTo("{\"missing\":true}");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void apply_noPatternMatches_selectsDefault() {
        Response response = apply(routed(withDefault()), endpoint(500));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"json\":true}");
    }

    @Test
    void apply_lambdaFunctionError_selectsByErrorMessage() {
        Response functionError =
                Response.builder()
                        .statusCode(200)
                        .setHeader(SelectionValue.FUNCTION_ERROR, "Unhandled")
                        .body("{\"errorMessage\":\"Not found: 7\"}")
                        .build();

        assertThat(apply(routed(withDefault()), functionError).statusCode()).isEqualTo(404);
    }

    @Test
    void apply_acceptNamesAnotherTemplate_rendersThatTemplate() {
        Request request =
                Request.builder()
                        .httpMethod("GET")
                        .target("/test/pets")
                        .header("Accept", "application/xml")
                        .build();

        Response response = apply(routed(request, withDefault()), endpoint(200));

        assertThat(response.bodyAsString()).isEqualTo("<xml/>");
        assertThat(response.headers().first("Content-Type")).contains("application/xml");
    }

    @Test
    void apply_noTemplate_passesEndpointBodyAsJson() {
        Response response =
                apply(routed(i -> i.integrationResponse("200", ir -> {})), endpoint(200));

        assertThat(response.bodyAsString()).isEqualTo("{\"from\":\"endpoint\"}");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void apply_noMatchAndNoDefault_throwsApiConfigurationError() {
        GatewayException e = rejected(routed(i -> {}), endpoint(500));

        assertThat(e.type()).isEqualTo(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(e.statusCode()).isEqualTo(500);
    }

    @Test
    void apply_selectedStatusWithoutMethodResponse_throwsApiConfigurationError() {
        GatewayException e =
                rejected(routed(i -> i.integrationResponse("201", ir -> {})), endpoint(200));

        assertThat(e.type()).isEqualTo(GatewayResponseType.API_CONFIGURATION_ERROR);
    }

    @Test
    void apply_proxyIntegration_returnsEndpointResponseUntouched() {
        Exchange exchange =
                TestExchanges.builder()
                        .method(
                                "/pets",
                                "GET",
                                m ->
                                        m.integration(
                                                i ->
                                                        i.type(IntegrationType.HTTP_PROXY)
                                                                .httpMethod("GET")
                                                                .uri(
                                                                        "http://backend.example/pets")))
                        .routed(Request.get("/test/pets"));
        Response endpoint = endpoint(418);

        assertThat(apply(exchange, endpoint)).isSameAs(endpoint);
    }
}
