package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.integration.ProxyPayloadFormat;
import dev.apigw.runtime.integration.ProxyResponse;
import dev.apigw.runtime.pipeline.Exchange;

/**
 * The payload formats of HTTP API Lambda proxy integrations ({@code payloadFormatVersion},
 * reference 2.3 to 2.5), each answer finished as HTTP APIs send it ({@link HttpProxyResponses}).
 */
enum HttpPayloadFormat implements ProxyPayloadFormat {
    /**
     * Payload format 1.0 (reference 2.3): the REST event with {@code version}, the REST output
     * rules (reference 2.2) with a base64 body always decoded (HTTP APIs have no {@code
     * binaryMediaTypes}).
     */
    V1_0 {
        @Override
        public byte[] event(Exchange exchange) {
            return EventV1.of(exchange);
        }

        @Override
        public Response response(byte[] payload, Exchange exchange) {
            return HttpProxyResponses.finish(ProxyResponse.parse(payload, exchange, e -> true));
        }
    },

    /** Payload format 2.0 (reference 2.4, 2.5). */
    V2_0 {
        @Override
        public byte[] event(Exchange exchange) {
            return EventV2.of(exchange);
        }

        @Override
        public Response response(byte[] payload, Exchange exchange) {
            return ResponseV2.parse(payload, exchange);
        }
    };

    /** Returns the format of a {@code payloadFormatVersion}, {@code 1.0} or {@code 2.0}. */
    static HttpPayloadFormat of(String payloadFormatVersion) {
        return payloadFormatVersion.equals("1.0") ? V1_0 : V2_0;
    }
}
