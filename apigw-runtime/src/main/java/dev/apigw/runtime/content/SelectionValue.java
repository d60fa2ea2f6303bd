package dev.apigw.runtime.content;

import dev.apigw.runtime.Response;
import java.util.List;
import java.util.Map;

/**
 * The value a selection pattern is matched against (reference 6.1): for a Lambda function error
 * (the endpoint response carries {@code X-Amz-Function-Error}) its {@code errorMessage}; for a
 * successful Lambda invocation (it carries only {@code X-Amz-Executed-Version}) the empty string,
 * since a success has no error message to match and so gets the default response; otherwise the
 * endpoint's status code.
 */
public final class SelectionValue {
    /** The header Lambda's Invoke API sets on a function error. */
    public static final String FUNCTION_ERROR = "X-Amz-Function-Error";

    /** The header Lambda's Invoke API sets on every answer: the version that ran. */
    public static final String EXECUTED_VERSION = "X-Amz-Executed-Version";

    private SelectionValue() {}

    /** Returns the selection value of an endpoint response whose body is read through body. */
    public static String of(Response endpoint, EndpointBody body) {
        if (!endpoint.headers().contains(FUNCTION_ERROR)) {
            return endpoint.headers().contains(EXECUTED_VERSION)
                    ? ""
                    : Integer.toString(endpoint.statusCode());
        }
        Object message = body.json().map(EndpointBody::errorMessageOf).orElse(null);
        return message == null || message instanceof Map || message instanceof List
                ? ""
                : message.toString();
    }
}
