package dev.apigw.runtime.integration;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.EndpointBody;
import dev.apigw.runtime.parameters.MappingExpression;
import dev.apigw.runtime.parameters.ParameterSource;
import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code method.response.header.X} mappings of one integration response (reference 5.3), parsed
 * when the API is built: sources {@code 'static'}, {@code integration.response.header.Y}, {@code
 * integration.response.multivalueheader.Y} (values joined with commas, unconfirmed), {@code
 * integration.response.body}, {@code integration.response.body.JSONPATH}, {@code stageVariables.Z}
 * and {@code context.W}. A source without a value leaves the header out. For a Lambda custom error,
 * {@code integration.response.body.errorMessage.<field>} reads into the JSON that the {@code
 * errorMessage} string holds (reference 1.7, T12). The endpoint body is read through the response's
 * {@link EndpointBody}, parsed only when a body field is mapped.
 *
 * <p>A value holding CR, LF or another control character fails the call with 500 (API configuration
 * error) and an execution-log line naming the header.
 *
 * <p>On HTTP and AWS integrations, headers reference 5.2 lists are renamed {@code
 * x-amzn-Remapped-<name>} and {@code Transfer-Encoding} is dropped.
 */
public final class ResponseParameters {
    /** The compiled mappings of a method, by integration response status. */
    public static final AttributeKey<Map<String, ResponseParameters>> KEY =
            AttributeKey.of("responseParameters");

    private static final String TARGET = "method.response.header.";
    private static final Set<String> REMAPPED =
            Set.of(
                    "authorization",
                    "connection",
                    "content-length",
                    "content-md5",
                    "date",
                    "expect",
                    "host",
                    "max-forwards",
                    "proxy-authenticate",
                    "server",
                    "trailer",
                    "upgrade",
                    "user-agent",
                    "www-authenticate");
    private static final ResponseParameters NONE = new ResponseParameters(List.of());

    private final List<Mapping> mappings;

    private ResponseParameters(List<Mapping> mappings) {
        this.mappings = mappings;
    }

    /**
     * Parses the mappings of an integration response; fails with AWS's text naming an expression
     * that is not a header target or not a source.
     */
    public static ResponseParameters compile(IntegrationResponse response, IntegrationType type) {
        boolean remap = type == IntegrationType.HTTP || type == IntegrationType.AWS;
        List<Mapping> mappings = new ArrayList<>();
        for (Map.Entry<String, String> e : response.responseParameters().entrySet()) {
            String target = e.getKey();
            String name = target.startsWith(TARGET) ? target.substring(TARGET.length()) : "";
            if (!MappingExpression.isValidName(name)) {
                throw MappingExpression.invalid(target);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (remap && lower.equals("transfer-encoding")) {
                continue;
            }
            String header = remap && REMAPPED.contains(lower) ? "x-amzn-Remapped-" + name : name;
            mappings.add(
                    new Mapping(
                            header,
                            ParameterSource.parse(
                                    e.getValue(), ParameterSource.Side.INTEGRATION_RESPONSE)));
        }
        return mappings.isEmpty() ? NONE : new ResponseParameters(List.copyOf(mappings));
    }

    /**
     * Applies the mappings of the selected integration response, compiled with the method, to the
     * method response.
     */
    static void apply(
            IntegrationResponse selected,
            Response endpoint,
            EndpointBody body,
            Exchange exchange,
            Response.Builder response) {
        exchange.method()
                .feature(KEY)
                .getOrDefault(selected.statusCode(), NONE)
                .apply(endpoint, body, exchange, response);
    }

    private void apply(
            Response endpoint, EndpointBody body, Exchange exchange, Response.Builder response) {
        IntegrationResponseInput input = new IntegrationResponseInput(endpoint, body, exchange);
        for (Mapping mapping : mappings) {
            List<String> values = mapping.source().values(input);
            if (!values.isEmpty()) {
                String value = values.size() == 1 ? values.get(0) : String.join(",", values);
                response.setHeader(mapping.header(), checked(mapping.header(), value, exchange));
            }
        }
    }

    /**
     * Returns a mapped value, or fails the call with 500 and an execution-log line when it holds a
     * control character (CR, LF, NUL…) a header cannot carry: our choice, AWS's handling is not
     * recorded.
     */
    static String checked(String header, String value, Exchange exchange) {
        if (!Headers.isValidValue(value)) {
            exchange.trace()
                    .error(
                            "integration-response",
                            "Execution failed due to configuration"
                                    + " error: Invalid value for response header "
                                    + header
                                    + ": ",
                            value);
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        return value;
    }

    private record Mapping(String header, ParameterSource source) {}
}
