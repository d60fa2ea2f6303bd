package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TOKEN authorizer written as users write them, with the {@code aws-lambda-java-events} types
 * (reference 8.3). The token decides: {@code allow} allows the whole API ({@code .../*}), {@code
 * allow-get} every GET of every stage, {@code exact} only the method ARN it was called for, {@code
 * deny} denies the whole API; {@code unauthorized} fails with {@code Unauthorized}, {@code expired}
 * with {@code Unauthorized: expired}, anything else with {@code boom}. The principal is {@code
 * user-<token>}; the context has a string, a number and a boolean. Counts its calls.
 */
public class TokenPolicyHandler
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<APIGatewayCustomAuthorizerEvent> last = new AtomicReference<>();

    @Override
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        calls.incrementAndGet();
        last.set(event);
        String token = event.getAuthorizationToken();
        String methodArn = event.getMethodArn();
        String api = methodArn.substring(0, methodArn.indexOf('/'));
        switch (token) {
            case "allow":
                return policy(token, IamPolicyResponse.allowStatement(api + "/*"));
            case "allow-get":
                return policy(token, IamPolicyResponse.allowStatement(api + "/*/GET/*"));
            case "exact":
                return policy(token, IamPolicyResponse.allowStatement(methodArn));
            case "deny":
                return policy(token, IamPolicyResponse.denyStatement(api + "/*"));
            case "unauthorized":
                throw new IllegalStateException("Unauthorized");
            case "expired":
                throw new IllegalStateException("Unauthorized: expired");
            default:
                throw new IllegalStateException("boom");
        }
    }

    private static IamPolicyResponse policy(String token, IamPolicyResponse.Statement statement) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("tenant", "acme");
        context.put("level", 3);
        context.put("admin", true);
        return IamPolicyResponse.builder()
                .withPrincipalId("user-" + token)
                .withPolicyDocument(
                        IamPolicyResponse.PolicyDocument.builder()
                                .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                                .withStatement(List.of(statement))
                                .build())
                .withContext(context)
                .build();
    }

    /** Returns how many times the function ran. */
    public int calls() {
        return calls.get();
    }

    /** Returns the last event the function got. */
    public APIGatewayCustomAuthorizerEvent lastEvent() {
        return last.get();
    }
}
