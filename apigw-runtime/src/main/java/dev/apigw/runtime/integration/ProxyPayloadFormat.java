package dev.apigw.runtime.integration;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;

/**
 * A Lambda proxy payload format ({@code payloadFormatVersion}): how a request becomes the event a
 * function receives and how its answer becomes the response. REST APIs use 1.0 (reference 2.1,
 * 2.2); HTTP APIs choose 1.0 or 2.0 per integration (reference 2.3 to 2.5). Implementations are
 * stateless and thread-safe. Internal: the HTTP API formats live with the HTTP API runtime.
 */
public interface ProxyPayloadFormat {
    /** Payload format 1.0 as a REST API sends and reads it (reference 2.1, 2.2). */
    ProxyPayloadFormat REST_V1_0 =
            new ProxyPayloadFormat() {
                @Override
                public byte[] event(Exchange exchange) {
                    return ProxyEvent.of(exchange);
                }

                @Override
                public Response response(byte[] payload, Exchange exchange) {
                    return ProxyResponse.parse(payload, exchange);
                }
            };

    /** Returns the event of the exchange's request, as JSON bytes. */
    byte[] event(Exchange exchange);

    /** Returns the response a function's successful answer stands for, or fails as AWS does. */
    Response response(byte[] payload, Exchange exchange);
}
