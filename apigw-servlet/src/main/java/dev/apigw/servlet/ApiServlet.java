package dev.apigw.servlet;

import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link Api} from any Jakarta Servlet 6 container: every request, whatever its method,
 * becomes a {@link Request} and the {@link Response} is written back as it is.
 *
 * <p>The request carries the method, the raw path from {@link HttpServletRequest#getRequestURI()}
 * (the Servlet API's undecoded, un-normalised target: in Jetty 12 it is the core request's {@code
 * HttpURI.getPath()}; {@code //}, {@code %2B} and {@code +} reach the router as sent, provided the
 * container's URI compliance lets them in), the raw query, every header with its values in order,
 * the body bytes, the TCP peer's address as source IP, the scheme and the local port. The {@code
 * Host} header is the API's {@code $context.domainName}. The response's status, headers (in order,
 * repeated names kept) and body bytes are written unchanged; transport headers ({@code Date},
 * {@code Content-Length}) are the container's.
 *
 * <p>A request the adapter cannot read (a broken chunked body, a reset connection) answers 400
 * {@code {"message":"Bad Request"}}; a failure of the handler or of writing answers 500 {@code
 * {"message": "Internal server error"}}, the body of AWS's DEFAULT_5XX; both carry {@code
 * x-amzn-ErrorType} and a fresh {@code x-amzn-RequestId} ({@link ErrorAnswer}), are logged, and the
 * servlet keeps serving. Each request is logged in one line at INFO: method, raw path, status and
 * latency. Instances are thread-safe.
 */
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    /** One byte past API Gateway's 10 MB payload limit, so the runtime answers 413 itself. */
    private static final int MAX_BODY = 10 * 1024 * 1024 + 1;

    private static final byte[] NO_BODY = new byte[0];

    private final transient Function<Request, Response> handler;

    /** Creates a servlet serving this API. */
    public ApiServlet(Api api) {
        this(api::handle);
    }

    /**
     * Creates a servlet serving any handler of requests, such as {@code api::handle} or a function
     * choosing among several {@code Api}s. The handler must be thread-safe.
     */
    public ApiServlet(Function<Request, Response> handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        String path = req.getRequestURI();
        int status;
        Request request;
        try {
            request = toRequest(req);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {}: cannot read the request: {}", req.getMethod(), path, e.toString());
            request = null;
        }
        if (request == null) {
            status = fail(resp, 400);
        } else {
            try {
                Response response = handler.apply(request);
                status = response.statusCode();
                write(response, resp);
            } catch (IOException e) {
                LOG.warn(
                        "{} {}: cannot write the response: {}",
                        req.getMethod(),
                        path,
                        e.toString());
                status = fail(resp, 500);
            } catch (RuntimeException | StackOverflowError e) {
                LOG.error("{} {} failed", req.getMethod(), path, e);
                status = fail(resp, 500);
            }
        }
        if (LOG.isInfoEnabled()) {
            long tenths = (System.nanoTime() - start) / 100_000;
            LOG.info("{} {} {} {}.{} ms", req.getMethod(), path, status, tenths / 10, tenths % 10);
        }
    }

    /** Converts a servlet request into a gateway request; reads the body. */
    public static Request toRequest(HttpServletRequest req) throws IOException {
        Headers.Builder headers = Headers.builder();
        for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = req.getHeaders(name); values.hasMoreElements(); ) {
                headers.add(name, values.nextElement());
            }
        }
        byte[] body = body(req);
        String query = req.getQueryString();
        return Request.builder()
                .httpMethod(req.getMethod())
                .path(req.getRequestURI())
                .rawQueryString(query == null ? "" : query)
                .headers(headers.build())
                .body(body)
                .sourceIp(req.getRemoteAddr())
                .scheme(req.getScheme())
                .port(req.getLocalPort())
                .build();
    }

    /**
     * Reads the body: nothing for a request that announces none, exactly the announced length
     * otherwise, and at most one byte past the 10 MB payload limit when the length is not known
     * (chunked), so the gateway can answer 413. Most requests without a length have no body: the
     * first read tells, before any buffer is made.
     */
    private static byte[] body(HttpServletRequest req) throws IOException {
        long length = req.getContentLengthLong();
        if (length == 0) {
            return NO_BODY;
        }
        try (InputStream in = req.getInputStream()) {
            if (length > 0) {
                return in.readNBytes(length < MAX_BODY ? (int) length : MAX_BODY);
            }
            int first = in.read();
            if (first < 0) {
                return NO_BODY;
            }
            byte[] rest = in.readNBytes(MAX_BODY - 1);
            byte[] body = new byte[rest.length + 1];
            body[0] = (byte) first;
            System.arraycopy(rest, 0, body, 1, rest.length);
            return body;
        }
    }

    /** Writes a gateway response: status, headers in order, body bytes. */
    public static void write(Response response, HttpServletResponse resp) throws IOException {
        resp.setStatus(response.statusCode());
        Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            resp.addHeader(headers.name(i), headers.value(i));
        }
        byte[] body = response.body();
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** Answers an {@link ErrorAnswer} for the status, unless the response is committed. */
    private static int fail(HttpServletResponse resp, int status) {
        ErrorAnswer answer = ErrorAnswer.forStatus(status, null);
        if (resp.isCommitted()) {
            return answer.status();
        }
        try {
            resp.reset();
            resp.setStatus(answer.status());
            resp.setContentType(ErrorAnswer.CONTENT_TYPE);
            resp.setHeader("x-amzn-RequestId", ErrorAnswer.requestId());
            resp.setHeader("x-amzn-ErrorType", answer.errorType());
            resp.setContentLength(answer.body().length);
            resp.getOutputStream().write(answer.body());
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not answer {}", answer.status(), e);
        }
        return answer.status();
    }
}
