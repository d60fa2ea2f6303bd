package dev.apigw.samples.localserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;

/**
 * The demo's HTTP backend, served by the local server itself under {@code /_echo/} (outside every
 * stage), since the server cannot count on reaching the internet: it answers 200 with a JSON
 * description of the request it received (method, raw path, query, the headers the demo shows, body
 * as text), and {@code X-Echo: true}. The demo's HTTP_PROXY route reaches it through the stage
 * variable {@code backend}.
 */
public final class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ObjectNode echo = JSON.createObjectNode();
        echo.put("method", req.getMethod());
        echo.put("path", req.getRequestURI());
        echo.put("query", req.getQueryString() == null ? "" : req.getQueryString());
        ObjectNode headers = echo.putObject("headers");
        for (String name : Collections.list(req.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-") || lower.equals("content-type")) {
                headers.put(lower, String.join(",", Collections.list(req.getHeaders(name))));
            }
        }
        echo.put("body", new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = JSON.writeValueAsBytes(echo);
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setHeader("X-Echo", "true");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
