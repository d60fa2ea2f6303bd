package dev.apigw.samples.lambdaadapter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Lambda handler class behind the embedded API. A text request comes back as lines
 * describing the event it received; a base64 request comes back as the same base64 body with its
 * Content-Type. Every response carries repeated {@code X-Multi} and {@code Set-Cookie} headers, in
 * a fixed order.
 */
public final class EchoFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final List<String> MULTI = List.of("zeta", "alpha", "mu");
    static final List<String> COOKIES =
            List.of(
                    "session=abc; Path=/; HttpOnly",
                    "theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT");

    @Override
    public APIGatewayProxyResponseEvent handleRequest(
            APIGatewayProxyRequestEvent event, Context context) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Multi", MULTI);
        headers.put("Set-Cookie", COOKIES);
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            String contentType =
                    event.getHeaders().entrySet().stream()
                            .filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElseThrow();
            headers.put("Content-Type", List.of(contentType));
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(200)
                    .withMultiValueHeaders(headers)
                    .withIsBase64Encoded(true)
                    .withBody(event.getBody());
        }
        headers.put("Content-Type", List.of("text/plain; charset=utf-8"));
        StringBuilder text =
                new StringBuilder()
                        .append("method=")
                        .append(event.getHttpMethod())
                        .append('\n')
                        .append("path=")
                        .append(event.getPath())
                        .append('\n')
                        .append("contextPath=")
                        .append(event.getRequestContext().getPath())
                        .append('\n')
                        .append("stage=")
                        .append(event.getRequestContext().getStage())
                        .append('\n')
                        .append("query=")
                        .append(event.getMultiValueQueryStringParameters())
                        .append('\n')
                        .append("sourceIp=")
                        .append(event.getRequestContext().getIdentity().getSourceIp())
                        .append('\n');
        if (event.getMultiValueHeaders() != null) {
            event.getMultiValueHeaders()
                    .forEach(
                            (name, values) ->
                                    text.append("header ")
                                            .append(name)
                                            .append('=')
                                            .append(values)
                                            .append('\n'));
        }
        text.append("body=").append(event.getBody() == null ? "" : event.getBody());
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(event.getBody() == null ? 200 : 201)
                .withMultiValueHeaders(headers)
                .withBody(text.toString());
    }
}
