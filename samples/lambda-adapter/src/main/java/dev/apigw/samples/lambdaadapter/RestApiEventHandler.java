package dev.apigw.samples.lambdaadapter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Response;

/**
 * Serves an embedded {@link Api} from a Lambda function behind an API Gateway REST API proxy
 * integration (payload 1.0, e.g. {@code ANY /{proxy+}}). Lambda handler string: {@code
 * dev.apigw.samples.lambdaadapter.RestApiEventHandler::handleRequest}.
 *
 * <p>Request: the path after the front's stage ({@code requestContext.path} without its leading
 * {@code /stage} when it has one, as on the execute-api domain; else {@code path}, as on a custom
 * domain), under the embedded API's stage; {@code multiValueHeaders} (else {@code headers}) in
 * order; a raw query string rebuilt from {@code multiValueQueryStringParameters} (else {@code
 * queryStringParameters}), whose decoded values are percent-encoded again; the body, base64-decoded
 * when {@code isBase64Encoded}; the source IP from {@code requestContext.identity.sourceIp}.
 *
 * <p>Response: status, {@code multiValueHeaders} in order (no {@code headers}), and the body as
 * text or base64 by the rule of {@link EventBodies}. For binary bodies to reach clients as bytes,
 * the front API needs binary media types that match the clients' {@code Accept} (e.g. {@code
 * *}{@code /*}).
 *
 * <p>The no-argument constructor, used by the Lambda runtime, builds the API from the environment
 * (see {@link ApiEnvironment}). Thread-safe.
 */
public final class RestApiEventHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final EmbeddedApi api;

    /** Serves the API described by the environment (see {@link ApiEnvironment}). */
    public RestApiEventHandler() {
        this(EmbeddedApi.fromEnvironment());
    }

    /** Serves {@code api} under its only stage; fails if it has none or several. */
    public RestApiEventHandler(Api api) {
        this(EmbeddedApi.of(api));
    }

    /** Serves {@code api} under the named stage; fails if it is not deployed there. */
    public RestApiEventHandler(Api api, String stageName) {
        this(EmbeddedApi.of(api, stageName));
    }

    private RestApiEventHandler(EmbeddedApi api) {
        this.api = api;
    }

    /** Handles one REST API proxy event and returns the proxy response. */
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
            APIGatewayProxyRequestEvent event, Context context) {
        ProxyRequestContext requestContext = event.getRequestContext();
        String sourceIp =
                requestContext == null || requestContext.getIdentity() == null
                        ? null
                        : requestContext.getIdentity().getSourceIp();
        Response response =
                api.handle(
                        event.getHttpMethod(),
                        path(event),
                        EventParameters.encodedQuery(
                                event.getMultiValueQueryStringParameters(),
                                event.getQueryStringParameters()),
                        EventParameters.headers(event.getMultiValueHeaders(), event.getHeaders()),
                        EventBodies.decode(
                                event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded())),
                        sourceIp);
        EventBodies.Encoded body = EventBodies.encode(response);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.statusCode())
                .withMultiValueHeaders(EventParameters.multiValueHeaders(response.headers()))
                .withBody(body.body())
                .withIsBase64Encoded(body.base64Encoded());
    }

    private static String path(APIGatewayProxyRequestEvent event) {
        ProxyRequestContext requestContext = event.getRequestContext();
        if (requestContext != null
                && requestContext.getPath() != null
                && requestContext.getStage() != null) {
            String withoutStage =
                    EmbeddedApi.withoutStage(requestContext.getPath(), requestContext.getStage());
            if (!withoutStage.equals(requestContext.getPath())) {
                return withoutStage;
            }
        }
        return event.getPath();
    }
}
