package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.ContentHandling;
import dev.apigw.runtime.content.EndpointBody;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.content.SelectionValue;
import dev.apigw.runtime.mapping.MappingTemplate;
import dev.apigw.runtime.mapping.TemplateVariables;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.Step;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the endpoint response of a non-proxy integration into the method response (reference 6.1):
 * the first integration response whose selection pattern matches the whole selection value (the
 * backend status code, or a Lambda function's error message), else the default one; then its header
 * mappings, the {@code contentHandling} conversion (reference 6.3, {@link ContentHandling}), the
 * response template chosen by the first {@code Accept} type, and the {@code
 * $context.responseOverride} values set by either template (reference 1.6). The endpoint body is
 * parsed at most once for all of these ({@link EndpointBody}). No match and no default, or a status
 * without a method response, is a configuration error (500). Proxy integrations pass untouched.
 */
public final class IntegrationResponseStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        CompiledMethod method = exchange.method();
        Integration integration = method.integration();
        Response endpoint = next.proceed(exchange);
        if (integration.type().isProxy()) {
            return endpoint;
        }
        EndpointBody endpointBody = new EndpointBody(endpoint);
        String selector = SelectionValue.of(endpoint, endpointBody);
        IntegrationResponse selected = select(integration, selector);
        if (selected == null) {
            exchange.trace()
                    .error(
                            "integration-response",
                            "Execution failed due to configuration"
                                    + " error: No match for output mapping and no default output mapping"
                                    + " configured. Endpoint Response Status Code: ",
                            endpoint.statusCode());
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        if (!method.method().methodResponses().containsKey(selected.statusCode())) {
            exchange.trace()
                    .error(
                            "integration-response",
                            "Execution failed due to configuration"
                                    + " error: Output mapping refers to an invalid method response: ",
                            selected.statusCode());
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        Response.Builder response =
                Response.builder().statusCode(Integer.parseInt(selected.statusCode()));
        ResponseParameters.apply(selected, endpoint, endpointBody, exchange, response);
        body(
                exchange,
                method.responseTemplates().getOrDefault(selected.statusCode(), Map.of()),
                endpointBody,
                ContentHandling.responsePayload(exchange, selected, endpoint, endpointBody),
                response);
        ResponseOverrides.apply(exchange, response);
        return response.build();
    }

    private static IntegrationResponse select(Integration integration, String selector) {
        IntegrationResponse fallback = null;
        for (IntegrationResponse candidate : integration.integrationResponses().values()) {
            if (candidate.isDefault()) {
                fallback = fallback == null ? candidate : fallback;
            } else if (candidate.matches(selector)) {
                return candidate;
            }
        }
        return fallback;
    }

    private static void body(
            Exchange exchange,
            Map<String, MappingTemplate> templates,
            EndpointBody endpointBody,
            ContentHandling.Content endpoint,
            Response.Builder response) {
        String accept =
                MediaTypes.firstAccepted(
                        exchange.request().headers().first("Accept").orElse(MediaTypes.JSON));
        Optional<Map.Entry<String, MappingTemplate>> template =
                MediaTypes.select(templates, accept);
        if (template.isEmpty()) {
            response.body(endpoint.bytes());
            if (!response.hasHeader("Content-Type")) {
                response.setHeader("Content-Type", MediaTypes.JSON);
            }
            return;
        }
        String input = ContentHandling.templateInput(exchange, endpoint, "integration-response");
        // Content handling hands back the very array it was given when it converts nothing.
        TemplateVariables variables =
                endpoint.bytes() == endpointBody.bytes()
                        ? TemplateInputs.response(exchange, input, endpointBody::json)
                        : TemplateInputs.response(exchange, input, endpoint.bytes());
        response.body(
                TemplateFailures.render(
                        exchange, "integration-response", template.get().getValue(), variables));
        if (!response.hasHeader("Content-Type")) {
            response.setHeader("Content-Type", template.get().getKey());
        }
    }
}
