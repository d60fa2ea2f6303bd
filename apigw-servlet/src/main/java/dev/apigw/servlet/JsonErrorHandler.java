package dev.apigw.servlet;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty rejects before the API sees it (a malformed request line or header, a request
 * line or headers beyond its buffer, an unreadable message) as API Gateway answers its own errors
 * ({@link ErrorAnswer}: a JSON {@code message}, {@code x-amzn-ErrorType}, a fresh {@code
 * x-amzn-RequestId}), instead of Jetty's HTML error page.
 */
final class JsonErrorHandler extends ErrorHandler {
    /** Answers with a body whatever the method (Jetty's default: GET, POST and HEAD only). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Sends no {@code Cache-Control}: API Gateway's errors carry none. */
    @Override
    protected void generateCacheControl(Response response) {
        // nothing
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            Throwable cause,
            Callback callback) {
        ErrorAnswer answer = ErrorAnswer.forStatus(code, HttpStatus.getMessage(code));
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorAnswer.CONTENT_TYPE);
        response.getHeaders().put("x-amzn-RequestId", ErrorAnswer.requestId());
        response.getHeaders().put("x-amzn-ErrorType", answer.errorType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
