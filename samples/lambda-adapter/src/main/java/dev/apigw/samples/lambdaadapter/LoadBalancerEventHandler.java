package dev.apigw.samples.lambdaadapter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves an embedded {@link Api} from a Lambda function that is the target of an Application Load
 * Balancer. Lambda handler string: {@code
 * dev.apigw.samples.lambdaadapter.LoadBalancerEventHandler::handleRequest}.
 *
 * <p>Request: {@code path} under the embedded API's stage (an ALB has no stage of its own); {@code
 * multiValueHeaders} and {@code multiValueQueryStringParameters} when the target group has
 * multi-value headers enabled, else {@code headers} and {@code queryStringParameters}. An ALB
 * passes query parameters still encoded as the client sent them, so the raw query string joins them
 * unchanged. The body is base64-decoded when {@code isBase64Encoded}; the source IP is the last
 * {@code X-Forwarded-For} entry, the address the load balancer saw.
 *
 * <p>Response: status, {@code statusDescription} such as {@code 200 OK}; {@code multiValueHeaders}
 * in order when the request came with multi-value headers, else {@code headers} with each name's
 * values comma-joined, except {@code Set-Cookie}, of which only the last value is kept (the ALB's
 * own rule for a repeated header when multi-value headers are off: enable them to send several
 * cookies); the body as text or base64 by the rule of {@link EventBodies}.
 *
 * <p>The no-argument constructor, used by the Lambda runtime, builds the API from the environment
 * (see {@link ApiEnvironment}). Thread-safe.
 */
public final class LoadBalancerEventHandler
        implements RequestHandler<
                ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> {
    private static final Map<Integer, String> REASONS =
            Map.ofEntries(
                    Map.entry(100, "Continue"),
                    Map.entry(101, "Switching Protocols"),
                    Map.entry(200, "OK"),
                    Map.entry(201, "Created"),
                    Map.entry(202, "Accepted"),
                    Map.entry(203, "Non-Authoritative Information"),
                    Map.entry(204, "No Content"),
                    Map.entry(205, "Reset Content"),
                    Map.entry(206, "Partial Content"),
                    Map.entry(300, "Multiple Choices"),
                    Map.entry(301, "Moved Permanently"),
                    Map.entry(302, "Found"),
                    Map.entry(303, "See Other"),
                    Map.entry(304, "Not Modified"),
                    Map.entry(307, "Temporary Redirect"),
                    Map.entry(308, "Permanent Redirect"),
                    Map.entry(400, "Bad Request"),
                    Map.entry(401, "Unauthorized"),
                    Map.entry(402, "Payment Required"),
                    Map.entry(403, "Forbidden"),
                    Map.entry(404, "Not Found"),
                    Map.entry(405, "Method Not Allowed"),
                    Map.entry(406, "Not Acceptable"),
                    Map.entry(407, "Proxy Authentication Required"),
                    Map.entry(408, "Request Timeout"),
                    Map.entry(409, "Conflict"),
                    Map.entry(410, "Gone"),
                    Map.entry(411, "Length Required"),
                    Map.entry(412, "Precondition Failed"),
                    Map.entry(413, "Content Too Large"),
                    Map.entry(414, "URI Too Long"),
                    Map.entry(415, "Unsupported Media Type"),
                    Map.entry(416, "Range Not Satisfiable"),
                    Map.entry(417, "Expectation Failed"),
                    Map.entry(421, "Misdirected Request"),
                    Map.entry(422, "Unprocessable Content"),
                    Map.entry(426, "Upgrade Required"),
                    Map.entry(428, "Precondition Required"),
                    Map.entry(429, "Too Many Requests"),
                    Map.entry(431, "Request Header Fields Too Large"),
                    Map.entry(500, "Internal Server Error"),
                    Map.entry(501, "Not Implemented"),
                    Map.entry(502, "Bad Gateway"),
                    Map.entry(503, "Service Unavailable"),
                    Map.entry(504, "Gateway Timeout"),
                    Map.entry(505, "HTTP Version Not Supported"));

    private final EmbeddedApi api;

    /** Serves the API described by the environment (see {@link ApiEnvironment}). */
    public LoadBalancerEventHandler() {
        this(EmbeddedApi.fromEnvironment());
    }

    /** Serves {@code api} under its only stage; fails if it has none or several. */
    public LoadBalancerEventHandler(Api api) {
        this(EmbeddedApi.of(api));
    }

    /** Serves {@code api} under the named stage; fails if it is not deployed there. */
    public LoadBalancerEventHandler(Api api, String stageName) {
        this(EmbeddedApi.of(api, stageName));
    }

    private LoadBalancerEventHandler(EmbeddedApi api) {
        this.api = api;
    }

    /** Handles one ALB event and returns the ALB response, in the request's header mode. */
    @Override
    public ApplicationLoadBalancerResponseEvent handleRequest(
            ApplicationLoadBalancerRequestEvent event, Context context) {
        boolean multiValue = event.getMultiValueHeaders() != null;
        Headers headers = EventParameters.headers(event.getMultiValueHeaders(), event.getHeaders());
        Response response =
                api.handle(
                        event.getHttpMethod(),
                        event.getPath(),
                        EventParameters.rawQuery(
                                event.getMultiValueQueryStringParameters(),
                                event.getQueryStringParameters()),
                        headers,
                        EventBodies.decode(event.getBody(), event.getIsBase64Encoded()),
                        sourceIp(headers));
        EventBodies.Encoded body = EventBodies.encode(response);
        ApplicationLoadBalancerResponseEvent out = new ApplicationLoadBalancerResponseEvent();
        out.setStatusCode(response.statusCode());
        out.setStatusDescription(statusDescription(response.statusCode()));
        if (multiValue) {
            out.setMultiValueHeaders(EventParameters.multiValueHeaders(response.headers()));
        } else {
            out.setHeaders(singleValueHeaders(response.headers()));
        }
        out.setBody(body.body());
        out.setIsBase64Encoded(body.base64Encoded());
        return out;
    }

    /** Returns the status line text an ALB expects, e.g. {@code 404 Not Found}. */
    static String statusDescription(int statusCode) {
        String reason = REASONS.get(statusCode);
        return reason == null ? Integer.toString(statusCode) : statusCode + " " + reason;
    }

    private static Map<String, String> singleValueHeaders(Headers headers) {
        Map<String, String> single =
                new LinkedHashMap<>(EventParameters.joinedHeadersWithoutSetCookie(headers));
        List<String> cookies = headers.values("Set-Cookie");
        if (!cookies.isEmpty()) {
            single.put("Set-Cookie", cookies.get(cookies.size() - 1));
        }
        return single;
    }

    private static String sourceIp(Headers headers) {
        return headers.last("X-Forwarded-For")
                .map(
                        forwardedFor -> {
                            String[] hops = forwardedFor.split(",");
                            return hops[hops.length - 1].trim();
                        })
                .orElse(null);
    }
}
