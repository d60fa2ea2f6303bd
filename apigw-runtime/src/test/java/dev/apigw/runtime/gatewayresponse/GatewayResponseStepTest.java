package dev.apigw.runtime.gatewayresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.api.Test;

/**
 * What {@link GatewayResponseStep} decides (reference 3.1 and 3.2): a {@link GatewayException}
 * thrown further in becomes the gateway response of the deployed API, rendered against the exchange
 * of the step that threw; without a stage, AWS's default; responses and other exceptions pass
 * through untouched.
 */
class GatewayResponseStepTest {
    private final GatewayResponseStep step = new GatewayResponseStep();

    /** An API that customises INVALID_API_KEY with status 429 and a template naming the stage. */
    private static TestExchanges.Builder customised() {
        return TestExchanges.builder()
                .method(
                        api ->
                                api.gatewayResponse(
                                        GatewayResponseType.INVALID_API_KEY,
                                        g ->
                                                g.statusCode(429)
                                                        .putResponseParameter(
                                                                "gatewayresponse.header.x-stage",
                                                                "'custom'")
                                                        .putResponseTemplate(
                                                                "application/json",
                                                                "{\"stage\":\"$context.stage\","
                                                                        + "\"error\":"
                                                                        + "$context.error.messageString}")),
                        "/orders",
                        "GET",
                        m -> {});
    }

    @Test
    void apply_nextAnswers_returnsItsResponse() {
        Response response =
                step.apply(
                        TestExchanges.arrived(Request.get("/test/orders")),
                        RecordingChain.answering200());

        assertThat(response).isSameAs(RecordingChain.OK);
    }

    @Test
    void apply_nextThrowsWithoutStage_rendersAwsDefault() {
        Exchange arrived = customised().arrived(Request.get("/x"));
        RecordingChain next =
                RecordingChain.throwing(GatewayException.of(GatewayResponseType.INVALID_API_KEY));

        Response response = step.apply(arrived, next);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().first("x-amzn-ErrorType")).contains("ForbiddenException");
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void apply_exceptionThrownAtStage_rendersTheStagesGatewayResponse() {
        TestExchanges.Builder fixture = customised();
        Exchange arrived = fixture.arrived(Request.get("/test/orders"));
        Exchange routed = fixture.routed(Request.get("/test/orders"));
        RecordingChain next =
                RecordingChain.throwing(
                        GatewayException.of(GatewayResponseType.INVALID_API_KEY).thrownAt(routed));

        Response response = step.apply(arrived, next);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().first("x-stage")).contains("custom");
        assertThat(response.bodyAsString())
                .isEqualTo("{\"stage\":\"test\",\"error\":\"Forbidden\"}");
    }

    @Test
    void apply_typeNotCustomised_rendersDefaultOfTheStage() {
        TestExchanges.Builder fixture = customised();
        Exchange routed = fixture.routed(Request.get("/test/orders"));
        RecordingChain next =
                RecordingChain.throwing(
                        GatewayException.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)
                                .thrownAt(routed));

        Response response = step.apply(routed, next);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().first("x-amzn-ErrorType"))
                .contains("MissingAuthenticationTokenException");
    }

    @Test
    void apply_nextThrowsOtherException_letsItThrough() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(
                        () ->
                                step.apply(
                                        TestExchanges.arrived(Request.get("/test/orders")),
                                        RecordingChain.throwing(bug)))
                .isSameAs(bug);
    }
}
