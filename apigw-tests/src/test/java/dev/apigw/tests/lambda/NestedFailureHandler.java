package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * A handler, as a {@code RequestHandler} and as a {@code RequestStreamHandler}, that fails two
 * methods below its entry point: its stack trace is {@code check}, {@code validate}, {@code
 * handleRequest}.
 */
public class NestedFailureHandler
        implements RequestHandler<Map<String, Object>, String>, RequestStreamHandler {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        validate(String.valueOf(input.get("order")));
        return "valid";
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        validate("stream");
    }

    private static void validate(String order) {
        check(order);
    }

    private static void check(String order) {
        throw new IllegalArgumentException("invalid order " + order);
    }
}
