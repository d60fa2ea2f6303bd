package dev.apigw.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Model;
import dev.apigw.model.RequestValidator;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.api.Test;

/**
 * What {@link RequestValidationStep} decides (reference 8.1, parameters before body; the AWS page
 * "Request validation for REST APIs in API Gateway"): a required parameter missing is
 * BAD_REQUEST_PARAMETERS naming it; a body failing its model is BAD_REQUEST_BODY with the
 * validator's messages as {@code validationErrorString}; a valid request, or a method without a
 * validator, goes on unchanged.
 */
class RequestValidationStepTest {
    private final RequestValidationStep step = new RequestValidationStep();
    private final RecordingChain next = RecordingChain.answering200();

    /** POST /pets needs {@code ?owner} and a body with an {@code id}, if {@code validator} says. */
    private static Exchange routed(String validator, Request request) {
        return TestExchanges.builder()
                .method(
                        api ->
                                api.requestValidator(new RequestValidator("all", "all", true, true))
                                        .model(
                                                Model.json(
                                                        "Pet",
                                                        "{\"type\":\"object\","
                                                                + "\"required\":[\"id\"]}")),
                        "/pets",
                        "POST",
                        m -> {
                            m.putRequestParameter("method.request.querystring.owner", true)
                                    .putRequestModel("application/json", "Pet");
                            if (validator != null) {
                                m.requestValidatorId(validator);
                            }
                        })
                .routed(request);
    }

    private static Request post(String target, String body) {
        return Request.builder()
                .httpMethod("POST")
                .target(target)
                .header("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private GatewayException rejected(Exchange exchange) {
        GatewayException e =
                catchThrowableOfType(GatewayException.class, () -> step.apply(exchange, next));
        assertThat(next.called()).isFalse();
        return e;
    }

    @Test
    void apply_validRequest_passesExchangeUnchanged() {
        Exchange exchange = routed("all", post("/test/pets?owner=ann", "{\"id\":7}"));

        assertThat(step.apply(exchange, next)).isSameAs(RecordingChain.OK);
        assertThat(next.passed()).isSameAs(exchange);
    }

    @Test
    void apply_noValidator_passesInvalidRequest() {
        step.apply(routed(null, post("/test/pets", "not json")), next);

        assertThat(next.called()).isTrue();
    }

    @Test
    void apply_requiredParameterMissing_throwsBadRequestParametersNamingIt() {
        GatewayException e = rejected(routed("all", post("/test/pets", "{\"id\":7}")));

        assertThat(e.type()).isEqualTo(GatewayResponseType.BAD_REQUEST_PARAMETERS);
        assertThat(e.errorMessage()).contains("Missing required request parameters: [owner]");
        assertThat(e.validationErrorString())
                .contains("Missing required request parameters: [owner]");
    }

    @Test
    void apply_parameterAndBodyInvalid_reportsParametersFirst() {
        assertThat(rejected(routed("all", post("/test/pets", "{}"))).type())
                .isEqualTo(GatewayResponseType.BAD_REQUEST_PARAMETERS);
    }

    @Test
    void apply_bodyFailsModel_throwsBadRequestBodyWithValidatorMessages() {
        GatewayException e = rejected(routed("all", post("/test/pets?owner=ann", "{\"x\":1}")));

        assertThat(e.type()).isEqualTo(GatewayResponseType.BAD_REQUEST_BODY);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.errorMessage()).contains("Invalid request body");
        assertThat(e.validationErrorString()).hasValueSatisfying(v -> assertThat(v).contains("id"));
    }

    @Test
    void apply_bodyNotJson_throwsBadRequestBodyNotJson() {
        GatewayException e =
                rejected(routed("all", post("/test/pets?owner=ann", "{\"id\":1}garbage")));

        assertThat(e.type()).isEqualTo(GatewayResponseType.BAD_REQUEST_BODY);
        assertThat(e.validationErrorString()).contains(RequestValidationStep.NOT_JSON);
    }
}
