package dev.apigw.runtime.content;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;

/**
 * Decompresses a request body sent with {@code Content-Encoding: gzip|deflate|identity} before
 * anything reads it (reference 6.4 "Request decompression is always on"; the AWS page "Call an API
 * method with a compressed payload"): mapping templates, parameter mappings and every integration
 * type see the decompressed body. A coding API Gateway does not support, or a body not compressed
 * with the coding it names, gets 415 UNSUPPORTED_MEDIA_TYPE ({@link ContentCoding}).
 *
 * <p>Runs once the method is known, so the API's customised gateway responses apply to the 415.
 * Proxy integrations get the decompressed body too: {@code HTTP_PROXY} drops the client's {@code
 * Content-Encoding} (reference 5.2 [V]), so a backend could not read a body left compressed. For
 * {@code AWS_PROXY} the event keeps the client's {@code Content-Encoding} header over the
 * decompressed body (unconfirmed).
 */
public final class RequestDecompressionStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        return next.proceed(ContentCoding.decompressed(exchange));
    }
}
