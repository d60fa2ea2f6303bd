package dev.apigw.samples.localserver;

import dev.apigw.runtime.websocket.ConnectRequest;
import dev.apigw.runtime.websocket.ConnectResult;
import dev.apigw.runtime.websocket.WebSocketGateway;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The WebSocket endpoint of a served stage, {@code ws://HOST:PORT/STAGE} (reference 7.3): an
 * upgrade request runs {@link WebSocketGateway#connect} before Jetty answers it; a refused
 * connection gets the {@code $connect} answer's status and body and no socket, an accepted one is
 * upgraded (101, with the subprotocol {@code $connect} chose) and bound to a {@link
 * ConnectionEndpoint}. The frame limits are the host's (reference 7.3, 9.5): Jetty closes with 1009
 * a frame past {@link #MAX_FRAME_BYTES} (incoming frames are not split) and a message, reassembled
 * from its fragments, past {@link WebSocketGateway#MAX_MESSAGE_BYTES}, and with 1007 a text message
 * that is not UTF-8; {@link SessionSink} splits what it sends into frames of at most {@link
 * #MAX_FRAME_BYTES}. Jetty's idle timeout is a minute past the gateway's, whose {@link
 * WebSocketGateway#closeExpired} ends idle connections. A request whose URL (path and query) is
 * longer than {@link #MAX_URL_CHARS} answers 414, one that is not a WebSocket upgrade 426, one
 * without {@code Sec-WebSocket-Key} or version 13 400 (docs/differences.md).
 */
final class WebSocketEndpointServlet extends JettyWebSocketServlet {
    private static final long serialVersionUID = 1L;
    private static final String ENDPOINT = ConnectionEndpoint.class.getName();

    /** The largest frame, in bytes (reference 9.5: 32 KB): beyond it Jetty closes with 1009. */
    static final int MAX_FRAME_BYTES = 32 * 1024;

    /** The longest upgrade URL, in characters (reference 9.5, WebSocket quotas: 4,096). */
    static final int MAX_URL_CHARS = 4096;

    private final transient WebSocketGateway gateway;

    WebSocketEndpointServlet(WebSocketGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void init() throws ServletException {
        ensureContainer(getServletContext());
        super.init();
    }

    /** Gives the servlet's context Jetty's WebSocket components and container. */
    static void ensureContainer(ServletContext servletContext) {
        ServletContextHandler context =
                ServletContextHandler.getServletContextHandler(servletContext);
        WebSocketServerComponents.ensureWebSocketComponents(context.getServer(), context);
        JettyWebSocketServerContainer.ensureContainer(servletContext);
    }

    /**
     * Sets the limits of reference 7.3 and 9.5 on {@code factory}: messages up to 128 KB, frames up
     * to 32 KB and not split, Jetty's idle timeout a minute past the gateway's.
     */
    static void applyLimits(JettyWebSocketServletFactory factory) {
        factory.setMaxTextMessageSize(WebSocketGateway.MAX_MESSAGE_BYTES);
        factory.setMaxBinaryMessageSize(WebSocketGateway.MAX_MESSAGE_BYTES);
        factory.setMaxFrameSize(MAX_FRAME_BYTES);
        factory.setAutoFragment(false);
        factory.setIdleTimeout(WebSocketGateway.IDLE_TIMEOUT.plus(Duration.ofMinutes(1)));
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        applyLimits(factory);
        factory.setCreator(
                (request, response) -> {
                    Object endpoint = request.getHttpServletRequest().getAttribute(ENDPOINT);
                    if (endpoint instanceof Accepted accepted) {
                        accepted.created = true;
                        String protocol = accepted.result.headers().get("Sec-WebSocket-Protocol");
                        if (protocol != null) {
                            response.setAcceptedSubProtocol(protocol);
                        }
                        return accepted.endpoint;
                    }
                    return null;
                });
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        if (urlLength(req) > MAX_URL_CHARS) {
            answer(resp, 414, "{\"message\":\"Request-URI Too Long\"}");
            return;
        }
        if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
            answer(resp, 426, "{\"message\":\"Upgrade Required\"}");
            return;
        }
        if (req.getHeader("Sec-WebSocket-Key") == null
                || !"13".equals(req.getHeader("Sec-WebSocket-Version"))) {
            answer(resp, 400, "{\"message\":\"Bad Request\"}");
            return;
        }
        SessionSink sink = new SessionSink();
        ConnectResult result = gateway.connect(connectRequest(req), sink);
        if (result instanceof ConnectResult.Refused refused) {
            answer(resp, refused.statusCode(), refused.body());
            return;
        }
        ConnectResult.Accepted accepted = (ConnectResult.Accepted) result;
        Accepted bound =
                new Accepted(
                        accepted, new ConnectionEndpoint(gateway, accepted.connectionId(), sink));
        req.setAttribute(ENDPOINT, bound);
        try {
            super.service(req, resp);
        } finally {
            if (!bound.created) {
                gateway.disconnect(accepted.connectionId(), 1006, "upgrade failed");
            }
        }
    }

    /** Returns the length of the URL the client asked for: its path and query, as sent. */
    private static int urlLength(HttpServletRequest req) {
        String query = req.getQueryString();
        return req.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    }

    private static ConnectRequest connectRequest(HttpServletRequest req) {
        ConnectRequest.Builder request = ConnectRequest.builder().sourceIp(req.getRemoteAddr());
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                request.header(name, value);
            }
        }
        req.getParameterMap()
                .forEach(
                        (name, values) -> {
                            for (String value : values) {
                                request.queryParameter(name, value);
                            }
                        });
        return request.build();
    }

    private static void answer(HttpServletResponse resp, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** An accepted connection waiting for Jetty's upgrade to create its endpoint. */
    private static final class Accepted {
        private final ConnectResult.Accepted result;
        private final ConnectionEndpoint endpoint;
        private volatile boolean created;

        private Accepted(ConnectResult.Accepted result, ConnectionEndpoint endpoint) {
            this.result = result;
            this.endpoint = endpoint;
        }
    }
}
