package dev.apigw.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link InternalErrorHandler}. */
final class InternalErrors {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private InternalErrors() {}

    static Response logAndAnswer500(
            Request request, String requestId, String extendedRequestId, Throwable failure) {
        LOG.error("request {} failed inside the gateway: {}", requestId, request, failure);
        return Response.builder()
                .statusCode(500)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-amzn-ErrorType", "InternalServerErrorException")
                .setHeader("x-amzn-RequestId", requestId)
                .setHeader("x-amz-apigw-id", extendedRequestId)
                .body("{\"message\": \"Internal server error\"}")
                .build();
    }
}
