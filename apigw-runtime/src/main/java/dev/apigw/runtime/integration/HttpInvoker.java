package dev.apigw.runtime.integration;

import dev.apigw.model.Integration;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.content.MediaTypes;
import dev.apigw.runtime.observe.TraceId;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.IntegrationInvoker;
import dev.apigw.runtime.pipeline.IntegrationRequest;
import dev.apigw.runtime.spi.BackendResponse;
import java.net.URI;

/**
 * A non-proxy HTTP integration (reference 5.2 and 6.1): sends the mapped integration request (the
 * body the request template produced or passed through) with only the headers API Gateway sets
 * itself ({@code Accept: application/json}, {@code Host}, {@code User-Agent:
 * AmazonAPIGateway_<apiId>}, {@code X-Amzn-Apigateway-Api-Id}, {@code X-Amzn-Trace-Id}, and the
 * client's {@code Content-Type} when there is a body) plus the mapped ones, then the request
 * template's {@code $context.requestOverride.header} values (reference 1.6); the query string holds
 * only mapped and overridden parameters. The backend's answer is the endpoint response from which
 * the integration response step selects by status code.
 */
final class HttpInvoker implements IntegrationInvoker {
    private final HttpEndpoint endpoint;

    HttpInvoker(Integration integration) {
        this.endpoint = new HttpEndpoint(integration);
    }

    @Override
    public Response invoke(Exchange exchange) {
        IntegrationRequest mapped = exchange.integrationRequest();
        URI uri = endpoint.uri(exchange, "");
        String apiId = exchange.state().apiId();
        Headers.Builder headers =
                Headers.builder()
                        .add("Accept", MediaTypes.JSON)
                        .add("Host", uri.getRawAuthority())
                        .add("User-Agent", "AmazonAPIGateway_" + apiId)
                        .add("X-Amzn-Apigateway-Api-Id", apiId)
                        .add("X-Amzn-Trace-Id", TraceId.of(exchange).requestHeader());
        byte[] body = mapped.body();
        if (body.length > 0) {
            exchange.request()
                    .headers()
                    .first("Content-Type")
                    .ifPresent(type -> headers.add("Content-Type", type));
        }
        endpoint.parameters().applyHeaders(exchange, headers);
        mapped.headers().forEach(headers::set);
        exchange.overrides()
                .requestHeaders()
                .forEach(
                        (name, values) -> {
                            headers.remove(name);
                            values.forEach(value -> headers.add(name, value));
                        });
        BackendResponse response =
                endpoint.send(exchange, endpoint.httpMethod(exchange), uri, headers.build(), body);
        return Response.builder()
                .statusCode(response.statusCode())
                .headers(response.headers())
                .body(response.body())
                .build();
    }
}
