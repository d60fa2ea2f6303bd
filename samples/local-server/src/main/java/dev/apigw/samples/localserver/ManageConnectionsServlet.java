package dev.apigw.samples.localserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.apigw.runtime.websocket.ConnectionInfo;
import dev.apigw.runtime.websocket.ManageConnectionsException;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.servlet.ApiServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The {@code @connections} management API of a served WebSocket stage over HTTP (reference 7.4), on
 * the WebSocket endpoint's port: {@code POST /STAGE/@connections/ID} (the raw body is the message)
 * answers 200 with no body, {@code GET} 200 with {@code {"connectedAt", "identity": {"sourceIp",
 * "userAgent"}, "lastActiveAt"}} (ISO-8601 instants, whole milliseconds), {@code DELETE} 204;
 * errors are JSON {@code {"message": ...}} with {@code x-amzn-ErrorType}: 410 {@code
 * GoneException}, 413 {@code PayloadTooLargeException}, 400 {@code BadRequestException} for a
 * malformed id, 403 {@code ForbiddenException} for a refused signature. With {@code --credentials}
 * every call must be SigV4-signed for {@code execute-api} by one of them; without, loopback callers
 * are accepted and others refused 403. Any other target answers 403 {@code {"message":"Forbidden"}}
 * (docs/differences.md).
 */
final class ManageConnectionsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient WebSocketGateway gateway;
    private final boolean signed;

    ManageConnectionsServlet(WebSocketGateway gateway, boolean signed) {
        this.gateway = gateway;
        this.signed = signed;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            answer(req, resp);
        } catch (RuntimeException e) {
            error(resp, 500, "InternalServerErrorException", "Internal server error");
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ConnectionsPath path =
                ConnectionsPath.parse(gateway.stage().stageName(), req.getRequestURI());
        if (path instanceof ConnectionsPath.Elsewhere) {
            error(resp, 403, "ForbiddenException", "Forbidden");
            return;
        }
        if (!signed && !isLoopback(req.getRemoteAddr())) {
            error(resp, 403, "ForbiddenException", "Forbidden");
            return;
        }
        if (signed) {
            Optional<String> refusal = gateway.manageConnectionsRefusal(ApiServlet.toRequest(req));
            if (refusal.isPresent()) {
                error(resp, 403, "ForbiddenException", refusal.get());
                return;
            }
        }
        if (path instanceof ConnectionsPath.Malformed malformed) {
            error(resp, 400, "BadRequestException", "Invalid connectionId: " + malformed.reason());
            return;
        }
        String id = ((ConnectionsPath.Connection) path).connectionId();
        try {
            switch (req.getMethod()) {
                case "POST" -> {
                    gateway.postToConnection(id, req.getInputStream().readAllBytes());
                    resp.setStatus(200);
                    resp.setContentLength(0);
                }
                case "GET" -> json(resp, 200, connection(gateway.getConnection(id)));
                case "DELETE" -> {
                    gateway.deleteConnection(id);
                    resp.setStatus(204);
                }
                default -> error(resp, 403, "ForbiddenException", "Forbidden");
            }
        } catch (ManageConnectionsException e) {
            error(resp, e.statusCode(), e.errorType(), e.getMessage());
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Returns GetConnection's JSON (reference 7.4). */
    static String connection(ConnectionInfo info) {
        return "{\"connectedAt\":\""
                + iso(info.connectedAt())
                + "\",\"identity\":{\"sourceIp\":"
                + quote(info.sourceIp())
                + ",\"userAgent\":"
                + quote(info.userAgent())
                + "},\"lastActiveAt\":\""
                + iso(info.lastActiveAt())
                + "\"}";
    }

    private static String quote(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static void error(HttpServletResponse resp, int status, String type, String message)
            throws IOException {
        resp.setHeader("x-amzn-ErrorType", type);
        json(resp, status, "{\"message\":" + quote(message) + "}");
    }

    private static void json(HttpServletResponse resp, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
