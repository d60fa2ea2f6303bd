package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * A handler that fails as reference 1.7 T12 describes: its exception message is the JSON of a
 * custom error (type, HTTP status, request id, trace), with the status taken from the input's
 * {@code status} when it has one.
 */
public class CustomErrorHandler implements RequestHandler<Map<String, Object>, Object> {
    @Override
    public Object handleRequest(Map<String, Object> input, Context context) {
        Object status = input.getOrDefault("status", 500);
        throw new IllegalStateException(
                "{\"errorType\":\"InternalServerError\",\"httpStatus\":"
                        + status
                        + ",\"requestId\":\""
                        + context.getAwsRequestId()
                        + "\",\"trace\":{\"function\":\"abc()\",\"line\":123,\"file\":\"abc.js\"}}");
    }
}
