package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map handler that throws {@link IllegalStateException} with the input's {@code fail} value when
 * it has one, and otherwise greets the input's {@code name}.
 */
public class ThrowingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object fail = input.get("fail");
        if (fail != null && !String.valueOf(fail).isEmpty()) {
            throw new IllegalStateException(String.valueOf(fail));
        }
        Map<String, Object> greeting = new LinkedHashMap<>();
        greeting.put("greeting", "hello " + input.get("name"));
        greeting.put("function", context.getFunctionName());
        return greeting;
    }
}
