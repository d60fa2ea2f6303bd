package dev.apigw.samples.lambdaadapter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import java.util.List;
import java.util.Objects;

/**
 * Serves an embedded {@link Api} from a Lambda function behind an API Gateway HTTP API (payload
 * format 2.0, e.g. the {@code $default} route). Lambda handler string: {@code
 * dev.apigw.samples.lambdaadapter.HttpApiEventHandler::handleRequest}.
 *
 * <p>Request: {@code rawPath} under the embedded API's stage; on a named HTTP API stage ({@code
 * requestContext.stage} other than {@code $default}) a leading {@code /stage} segment of {@code
 * rawPath} is removed first, while {@code $default} serves at the root. {@code rawQueryString} as
 * is; {@code headers} as sent (a comma-joined value stays one field); {@code cookies} back into one
 * {@code Cookie} header joined with {@code "; "} (replacing any {@code cookie} header); the body,
 * base64-decoded when {@code isBase64Encoded}; the source IP from {@code
 * requestContext.http.sourceIp}.
 *
 * <p>Response: status; {@code headers} with each name's values comma-joined, except {@code
 * Set-Cookie}, whose values go to {@code cookies} in order; the body as text or base64 by the rule
 * of {@link EventBodies}.
 *
 * <p>The no-argument constructor, used by the Lambda runtime, builds the API from the environment
 * (see {@link ApiEnvironment}). Thread-safe.
 */
public final class HttpApiEventHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final String DEFAULT_STAGE = "$default";

    private final EmbeddedApi api;

    /** Serves the API described by the environment (see {@link ApiEnvironment}). */
    public HttpApiEventHandler() {
        this(EmbeddedApi.fromEnvironment());
    }

    /** Serves {@code api} under its only stage; fails if it has none or several. */
    public HttpApiEventHandler(Api api) {
        this(EmbeddedApi.of(api));
    }

    /** Serves {@code api} under the named stage; fails if it is not deployed there. */
    public HttpApiEventHandler(Api api, String stageName) {
        this(EmbeddedApi.of(api, stageName));
    }

    private HttpApiEventHandler(EmbeddedApi api) {
        this.api = api;
    }

    /** Handles one HTTP API payload 2.0 event and returns the structured 2.0 response. */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPEvent.RequestContext requestContext =
                Objects.requireNonNull(
                        event.getRequestContext(), "not an HTTP API event: no requestContext");
        APIGatewayV2HTTPEvent.RequestContext.Http http =
                Objects.requireNonNull(
                        requestContext.getHttp(), "not an HTTP API event: no requestContext.http");
        String stage = requestContext.getStage();
        String path =
                stage == null || stage.equals(DEFAULT_STAGE)
                        ? event.getRawPath()
                        : EmbeddedApi.withoutStage(event.getRawPath(), stage);
        Response response =
                api.handle(
                        http.getMethod(),
                        path,
                        event.getRawQueryString() == null ? "" : event.getRawQueryString(),
                        headers(event),
                        EventBodies.decode(event.getBody(), event.getIsBase64Encoded()),
                        http.getSourceIp());
        EventBodies.Encoded body = EventBodies.encode(response);
        List<String> cookies = response.headers().values("Set-Cookie");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.statusCode())
                .withHeaders(EventParameters.joinedHeadersWithoutSetCookie(response.headers()))
                .withCookies(cookies.isEmpty() ? null : List.copyOf(cookies))
                .withBody(body.body())
                .withIsBase64Encoded(body.base64Encoded())
                .build();
    }

    private static Headers headers(APIGatewayV2HTTPEvent event) {
        Headers headers = EventParameters.headers(null, event.getHeaders());
        List<String> cookies = event.getCookies();
        if (cookies == null || cookies.isEmpty()) {
            return headers;
        }
        return headers.toBuilder().set("Cookie", String.join("; ", cookies)).build();
    }
}
