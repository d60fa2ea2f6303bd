package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A handler that always fails: Lambda answers with an {@code Unhandled} function error. */
public class ThrowingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        throw new IllegalStateException("the function failed");
    }
}
