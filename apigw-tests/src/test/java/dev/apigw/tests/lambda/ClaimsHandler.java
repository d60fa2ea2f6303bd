package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * A typed proxy handler behind a Cognito authorizer, as users write them: it reads the caller's
 * claims from {@code requestContext.authorizer.claims} and answers {@code sub role email}.
 */
public class ClaimsHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
            APIGatewayProxyRequestEvent event, Context context) {
        @SuppressWarnings("unchecked")
        Map<String, Object> claims =
                (Map<String, Object>) event.getRequestContext().getAuthorizer().get("claims");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withBody(
                        claims.get("sub")
                                + " "
                                + claims.get("custom:role")
                                + " "
                                + claims.get("email"));
    }
}
