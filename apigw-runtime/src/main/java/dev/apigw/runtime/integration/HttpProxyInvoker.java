package dev.apigw.runtime.integration;

import dev.apigw.model.Integration;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.observe.TraceId;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.IntegrationInvoker;
import dev.apigw.runtime.spi.BackendResponse;
import java.net.URI;

/**
 * An HTTP_PROXY integration (reference 4.2, 5.2 and 6.1): the client's method (for {@code ANY}),
 * raw query string, headers and body go to the endpoint URI, and the backend's status, headers and
 * body come back, except the headers reference 5.2 remaps or drops.
 *
 * <p>The client's query string is passed raw, not decoded and re-encoded (reference 7.1 is unclear
 * on the backend's exact bytes).
 */
final class HttpProxyInvoker implements IntegrationInvoker {
    private final HttpEndpoint endpoint;

    HttpProxyInvoker(Integration integration) {
        this.endpoint = new HttpEndpoint(integration);
    }

    @Override
    public Response invoke(Exchange exchange) {
        Request request = exchange.request();
        URI uri = endpoint.uri(exchange, request.rawQueryString());
        Headers.Builder headers =
                ProxyHeaders.forwarded(request.headers())
                        .set("Host", uri.getRawAuthority())
                        .set("X-Amzn-Apigateway-Api-Id", exchange.state().apiId())
                        .set("X-Amzn-Trace-Id", TraceId.of(exchange).requestHeader());
        endpoint.parameters().applyHeaders(exchange, headers);
        BackendResponse response =
                endpoint.send(
                        exchange,
                        endpoint.httpMethod(exchange),
                        uri,
                        headers.build(),
                        request.body());
        return Response.builder()
                .statusCode(response.statusCode())
                .headers(ProxyHeaders.returned(response.headers()))
                .body(response.body())
                .build();
    }
}
