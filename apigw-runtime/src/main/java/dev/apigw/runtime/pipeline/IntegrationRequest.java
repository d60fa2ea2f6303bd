package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Headers;
import java.util.Objects;

/**
 * A non-proxy integration request after mapping: the body the request template produced (or the
 * passed-through body) and the mapped headers. Internal.
 *
 * @param body the integration request body (not copied: do not change it)
 * @param headers the mapped headers
 * @param templateApplied whether a request template produced the body
 */
public record IntegrationRequest(byte[] body, Headers headers, boolean templateApplied) {
    /** The exchange attribute the integration request step sets for the non-proxy invokers. */
    public static final AttributeKey<IntegrationRequest> KEY =
            AttributeKey.of("integrationRequest");

    /** Checks that no field is null. */
    public IntegrationRequest {
        Objects.requireNonNull(body);
        Objects.requireNonNull(headers);
    }
}
