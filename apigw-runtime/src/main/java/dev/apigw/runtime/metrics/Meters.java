package dev.apigw.runtime.metrics;

import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RequestRecord;
import java.time.Duration;

/**
 * The meters of one API, of one kind (a REST API's {@link ApiMeters}, an HTTP API's {@link
 * HttpApiMeters}): where a request is recorded, by how far it was resolved (reference 10.1).
 * Implementations are thread-safe.
 */
interface Meters {
    /**
     * Records a request answered {@code status} after {@code latency} in the meters of how far
     * {@code resolved}, its most resolved exchange, got; {@code bytes} are its request's and
     * response's bodies.
     */
    void record(Exchange resolved, int status, Duration latency, RequestRecord record, long bytes);
}
