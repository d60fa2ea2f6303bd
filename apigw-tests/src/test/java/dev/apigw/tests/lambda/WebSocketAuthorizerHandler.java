package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSocket {@code $connect} REQUEST authorizer written as users write them (reference 7.3, 8.3),
 * with the {@code aws-lambda-java-events} event type. The {@code Auth} header decides: {@code
 * allow} allows the method ARN it was called for, {@code deny} denies it, {@code elsewhere} allows
 * only another route's ARN, {@code key:VALUE} allows and returns {@code VALUE} as {@code
 * usageIdentifierKey}; {@code unauthorized} fails with {@code Unauthorized}, anything else with
 * {@code boom}. The principal is {@code user-<header>}; the context has a string, a number and a
 * boolean. Keeps the events it got.
 */
public class WebSocketAuthorizerHandler
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, Map<String, Object>> {
    private final List<APIGatewayCustomAuthorizerEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, Object> handleRequest(
            APIGatewayCustomAuthorizerEvent event, Context context) {
        events.add(event);
        String auth = event.getHeaders().getOrDefault("Auth", "");
        String methodArn = event.getMethodArn();
        if (auth.equals("allow")) {
            return answer(auth, "Allow", methodArn);
        }
        if (auth.equals("deny")) {
            return answer(auth, "Deny", methodArn);
        }
        if (auth.equals("elsewhere")) {
            return answer(auth, "Allow", methodArn.replace("$connect", "sendmessage"));
        }
        if (auth.startsWith("key:")) {
            Map<String, Object> answer = answer("key", "Allow", methodArn);
            answer.put("usageIdentifierKey", auth.substring("key:".length()));
            return answer;
        }
        if (auth.equals("unauthorized")) {
            throw new IllegalStateException("Unauthorized");
        }
        throw new IllegalStateException("boom");
    }

    private static Map<String, Object> answer(String auth, String effect, String resource) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Action", "execute-api:Invoke");
        statement.put("Effect", effect);
        statement.put("Resource", resource);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(statement));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("tenant", "acme");
        context.put("level", 3);
        context.put("admin", true);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("principalId", "user-" + auth);
        answer.put("policyDocument", policy);
        answer.put("context", context);
        return answer;
    }

    /** Returns the events the function got, in order. */
    public List<APIGatewayCustomAuthorizerEvent> events() {
        return List.copyOf(events);
    }
}
