package dev.apigw.runtime.integration;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationInvoker;
import dev.apigw.runtime.pipeline.IntegrationRequest;
import java.io.IOException;

/**
 * A MOCK integration (reference 6.1): the {@code statusCode} of the JSON the request template
 * produced is the endpoint status that selects the integration response; relaxed JSON such as
 * {@code {statusCode: 200}} is accepted. Without a template, or without {@code statusCode}, the
 * status is 200. Output that is not JSON or a {@code statusCode} that is not an integer gives 500.
 */
final class MockInvoker implements IntegrationInvoker {
    private static final JsonMapper RELAXED =
            JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                    .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .build();

    @Override
    public Response invoke(Exchange exchange) {
        IntegrationRequest request = exchange.integrationRequest();
        if (!request.templateApplied()) {
            return Response.builder().statusCode(200).build();
        }
        JsonNode output;
        try {
            output = RELAXED.readTree(request.body());
        } catch (IOException e) {
            exchange.trace()
                    .error(
                            "integration",
                            "MOCK request template output is not JSON: ",
                            e.getMessage());
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        JsonNode status = output == null ? null : output.get("statusCode");
        if (status == null || status.isNull()) {
            return Response.builder().statusCode(200).build();
        }
        int code =
                status.isIntegralNumber()
                        ? status.asInt()
                        : status.isTextual() ? parse(status.asText()) : -1;
        if (code < 100 || code > 599) {
            exchange.trace().error("integration", "MOCK statusCode is not a status: ", status);
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        return Response.builder().statusCode(code).build();
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
