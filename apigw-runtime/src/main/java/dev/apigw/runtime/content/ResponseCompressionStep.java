package dev.apigw.runtime.content;

import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Chain;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.Step;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Compresses the method response, reference 6.4 (the AWS page "Receive an API response with a
 * compressed payload"), for every integration type: only when the API sets {@code
 * minimumCompressionSize}, the response (after its mapping template) has at least that many bytes,
 * it has no {@code Content-Encoding} already, and the client's {@code Accept-Encoding} prefers
 * {@code gzip} or {@code deflate} ({@link AcceptEncoding}). The client then gets {@code
 * Content-Encoding: gzip} (or {@code deflate}). Gateway responses (errors) are not compressed.
 *
 * <p>An empty body is never compressed, even with a minimum of 0 (our choice; there is nothing to
 * compress).
 *
 * <p>Differs from AWS: a non-proxy integration response's own {@code Content-Encoding} is seen here
 * only when a response parameter maps it onto the method response.
 */
public final class ResponseCompressionStep implements Step {
    @Override
    public Response apply(Exchange exchange, Chain next) {
        Response response = next.proceed(exchange);
        OptionalInt minimum = exchange.stage().deployment().restApi().minimumCompressionSize();
        if (minimum.isEmpty()
                || response.bodyLength() == 0
                || response.bodyLength() < minimum.getAsInt()
                || response.headers().contains("Content-Encoding")) {
            return response;
        }
        Optional<String> coding =
                AcceptEncoding.preferred(exchange.request().headers().values("Accept-Encoding"));
        if (coding.isEmpty()) {
            return response;
        }
        exchange.trace()
                .add("method-response", "Compressing the response body with ", coding.get());
        return response.toBuilder()
                .body(ContentCoding.encode(response.body(), coding.get()))
                .setHeader("Content-Encoding", coding.get())
                .build();
    }
}
