package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A REQUEST authorizer with the {@code aws-lambda-java-events} types (reference 8.3, 8.2): it
 * allows the whole API to the caller its {@code X-User} header names and returns the {@code
 * X-Client} header's value as the usage plan's API key ({@code usageIdentifierKey}), with the
 * caller's name in the context. Counts its calls.
 */
public class RequestPolicyHandler
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public IamPolicyResponseV1 handleRequest(
            APIGatewayCustomAuthorizerEvent event, Context context) {
        calls.incrementAndGet();
        String user = event.getHeaders().get("X-User");
        String methodArn = event.getMethodArn();
        String api = methodArn.substring(0, methodArn.indexOf('/'));
        IamPolicyResponseV1 response = new IamPolicyResponseV1();
        response.setPrincipalId(user);
        response.setPolicyDocument(
                IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(IamPolicyResponseV1.allowStatement(api + "/*")))
                        .build());
        response.setContext(Map.of("user", user));
        response.setUsageIdentifierKey(event.getHeaders().get("X-Client"));
        return response;
    }

    /** Returns how many times the function ran. */
    public int calls() {
        return calls.get();
    }
}
