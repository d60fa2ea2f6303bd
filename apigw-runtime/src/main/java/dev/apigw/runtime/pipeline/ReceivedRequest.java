package dev.apigw.runtime.pipeline;

import dev.apigw.runtime.Request;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request as the gateway received it, with what is fixed at arrival: its query string decoded
 * once, its ids and its time.
 *
 * @param request the request; after request decompression (reference 6.4), the decoded one
 * @param queryParameters the query string parameters, form-decoded, every value in order
 * @param requestId {@code $context.requestId}, sent back as {@code x-amzn-RequestId}
 * @param extendedRequestId {@code $context.extendedRequestId}, sent back as {@code x-amz-apigw-id}
 * @param requestTime when the request arrived, by the account's clock
 */
public record ReceivedRequest(
        Request request,
        Map<String, List<String>> queryParameters,
        String requestId,
        String extendedRequestId,
        Instant requestTime) {
    /** Checks that no component is null. */
    public ReceivedRequest {
        Objects.requireNonNull(request);
        Objects.requireNonNull(queryParameters);
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(extendedRequestId);
        Objects.requireNonNull(requestTime);
    }

    /** Returns a new request's facts, its query string decoded. */
    public static ReceivedRequest of(
            Request request, String requestId, String extendedRequestId, Instant requestTime) {
        return new ReceivedRequest(
                request,
                QueryString.parse(request.rawQueryString()),
                requestId,
                extendedRequestId,
                requestTime);
    }

    /** Returns a copy whose request is {@code request}: same query, ids and time. */
    public ReceivedRequest withRequest(Request request) {
        return new ReceivedRequest(
                request, queryParameters, requestId, extendedRequestId, requestTime);
    }
}
