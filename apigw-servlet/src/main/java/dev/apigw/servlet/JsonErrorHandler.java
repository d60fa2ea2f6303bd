package dev.apigw.servlet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty rejects before the API sees it (a malformed request line or header, an
 * unreadable message) with a JSON body shaped as API Gateway's errors, {@code {"message":
 * "Bad Request"}}, keeping Jetty's status, instead of Jetty's HTML error page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE,
            "application/json");

    @Override
    protected void generateResponse(Request request, Response response, int code,
            String message, Throwable cause, Callback callback) {
        byte[] body = body(code);
        response.getHeaders().put(JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] body(int status) {
        String reason = HttpStatus.getMessage(status);
        return ("{\"message\": \"" + (reason == null ? "Error" : reason) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
