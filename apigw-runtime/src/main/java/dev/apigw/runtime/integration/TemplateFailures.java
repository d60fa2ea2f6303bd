package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.mapping.MappingTemplate;
import dev.apigw.runtime.mapping.TemplateException;
import dev.apigw.runtime.mapping.TemplateVariables;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;

/**
 * Renders a mapping template for a step and turns its failure into API Gateway's answer: a request
 * template that asks for the JSON of a request body that is not JSON gives 400 {@code Could not
 * parse request body into json: <reason>} (BAD_REQUEST_BODY; community reports, the reason text is
 * Jackson's); any other failure, and any failure of a response template, gives 500 {@code Internal
 * server error} (API_CONFIGURATION_ERROR). Either way the execution trace says why.
 */
final class TemplateFailures {
    private TemplateFailures() {}

    static String render(
            Exchange exchange, String step, MappingTemplate template, TemplateVariables variables) {
        try {
            return template.render(variables, line -> exchange.trace().add(step, line));
        } catch (TemplateException e) {
            if (e.failure() == TemplateException.Failure.BODY_NOT_JSON
                    && step.equals("integration-request")) {
                String message = "Could not parse request body into json: " + e.getMessage();
                exchange.trace().error(step, "Execution failed: ", message);
                throw GatewayException.of(GatewayResponseType.BAD_REQUEST_BODY, message);
            }
            exchange.trace()
                    .error(
                            step,
                            "Execution failed due to configuration error:"
                                    + " Unable to transform "
                                    + (step.equals("integration-request") ? "request" : "response")
                                    + ": ",
                            e.getMessage());
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
    }
}
