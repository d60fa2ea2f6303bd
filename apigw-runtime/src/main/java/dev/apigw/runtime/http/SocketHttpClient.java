package dev.apigw.runtime.http;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackendException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A one-request HTTP/1.1 client on a plain {@link Socket} (or an {@link SSLSocket} for https) that
 * writes the request line and every header itself, {@code Host} included, and reads the status
 * line, headers and body ({@code Content-Length}, chunked, or up to the end of the connection).
 * {@link JdkHttpBackend} uses it only for requests whose {@code Host} differs from the URI's
 * authority, which {@code java.net.http} cannot send (see there). One connection per request,
 * closed after it ({@code Connection: close}); redirects are not followed.
 *
 * <p>An answer that is not HTTP, or that passes {@link BackendResponseLimits} (status line, header
 * section, body), is read no further and reported as INVALID_RESPONSE: nothing a backend sends is
 * buffered without bound.
 *
 * <p>The integration timeout is a deadline for the whole exchange, as in {@link JdkHttpBackend}: a
 * watchdog closes the socket when it passes, which ends any blocked connect, write or read, and the
 * call reports TIMEOUT. Thread-safe: it keeps no state between calls.
 */
final class SocketHttpClient {
    /**
     * Framing headers this client writes itself, and {@code Expect}, whose interim answer it does
     * not wait for (the body is sent at once, as {@code java.net.http} does).
     */
    private static final Set<String> SELF_MANAGED =
            Set.of("content-length", "transfer-encoding", "connection", "expect");

    /** The longest chunk-size line or chunk end read. */
    private static final int MAX_CHUNK_LINE = 1_024;

    private final SSLContext tls;
    private final boolean verifyHostname;

    /** Creates a client whose https connections use {@code tls}, checking host names or not. */
    SocketHttpClient(SSLContext tls, boolean verifyHostname) {
        this.tls = tls;
        this.verifyHostname = verifyHostname;
    }

    /** Sends one request and returns the answer; failures are {@link HttpBackendException}. */
    BackendResponse send(BackendRequest request) {
        URI uri = request.uri();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        Socket socket = new Socket();
        AtomicBoolean expired = new AtomicBoolean();
        long timeoutNanos = request.timeout().toNanos();
        CompletableFuture<Void> watchdog =
                CompletableFuture.runAsync(
                        () -> {
                            expired.set(true);
                            closeQuietly(socket);
                        },
                        CompletableFuture.delayedExecutor(timeoutNanos, TimeUnit.NANOSECONDS));
        try {
            int millis =
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, request.timeout().toMillis()));
            socket.connect(new InetSocketAddress(uri.getHost(), port), millis);
            socket.setSoTimeout(millis);
            Socket connection = https ? secure(socket, uri.getHost(), port) : socket;
            OutputStream out = connection.getOutputStream();
            out.write(head(request));
            out.write(request.body());
            out.flush();
            return read(
                    new BufferedInputStream(connection.getInputStream()),
                    request.httpMethod().equalsIgnoreCase("HEAD"));
        } catch (InvalidResponse e) {
            throw new HttpBackendException(
                    HttpBackendException.Failure.INVALID_RESPONSE,
                    "invalid answer from " + uri + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            if (expired.get() || e instanceof SocketTimeoutException) {
                throw new HttpBackendException(
                        HttpBackendException.Failure.TIMEOUT,
                        "no answer from " + uri + " within " + request.timeout(),
                        e);
            }
            throw new HttpBackendException(
                    HttpBackendException.Failure.NETWORK, "cannot reach " + uri + ": " + e, e);
        } finally {
            watchdog.cancel(false);
            closeQuietly(socket);
        }
    }

    private Socket secure(Socket socket, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
        if (verifyHostname) {
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
        }
        ssl.startHandshake();
        return ssl;
    }

    /** Returns the request line and headers, ending with the blank line. */
    static byte[] head(BackendRequest request) throws IOException {
        URI uri = request.uri();
        String target =
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        StringBuilder head =
                new StringBuilder(256)
                        .append(request.httpMethod())
                        .append(' ')
                        .append(target)
                        .append(" HTTP/1.1\r\n");
        IOException[] invalid = new IOException[1];
        request.headers()
                .forEach(
                        (name, value) -> {
                            if (!SELF_MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
                                if (name.isEmpty()
                                        || (name + value).indexOf('\r') >= 0
                                        || (name + value).indexOf('\n') >= 0) {
                                    invalid[0] = new IOException("invalid header " + name);
                                }
                                head.append(name).append(": ").append(value).append("\r\n");
                            }
                        });
        if (invalid[0] != null) {
            throw invalid[0];
        }
        if (request.body().length > 0) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads a response: interim 1xx answers skipped, then status, headers and body; an answer that
     * is not HTTP or passes a limit throws {@link InvalidResponse}.
     */
    static BackendResponse read(InputStream in, boolean head) throws IOException {
        int status;
        Headers.Builder headers;
        do {
            String statusLine = line(in, BackendResponseLimits.MAX_STATUS_LINE);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new InvalidResponse("invalid status line: " + statusLine);
            }
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new InvalidResponse("invalid status line: " + statusLine);
            }
            headers = headers(in);
        } while (status >= 100 && status < 200 && status != 101);
        Headers built = headers.build();
        String problem = BackendResponseLimits.headerProblem(built);
        if (problem != null) {
            throw new InvalidResponse(problem);
        }
        byte[] body =
                head || status < 200 || status == 204 || status == 304
                        ? new byte[0]
                        : body(in, built);
        return new BackendResponse(status, built, body);
    }

    /** Reads header lines up to the blank line, within the header section's limit. */
    private static Headers.Builder headers(InputStream in) throws IOException {
        Headers.Builder headers = Headers.builder();
        int left = BackendResponseLimits.MAX_HEADER_BYTES;
        for (String line = line(in, left); !line.isEmpty(); line = line(in, left)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new InvalidResponse("invalid header line: " + line);
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            left -= line.length() + 3;
            if (left < 0) {
                throw new InvalidResponse(
                        "response headers exceed "
                                + BackendResponseLimits.MAX_HEADER_BYTES
                                + " bytes");
            }
        }
        return headers;
    }

    private static byte[] body(InputStream in, Headers headers) throws IOException {
        if (headers.last("Transfer-Encoding")
                .map(v -> v.toLowerCase(Locale.ROOT).endsWith("chunked"))
                .orElse(false)) {
            return chunked(in);
        }
        String length = headers.first("Content-Length").orElse(null);
        if (length == null) {
            byte[] all = in.readNBytes(BackendResponseLimits.MAX_BODY_BYTES + 1);
            if (all.length > BackendResponseLimits.MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return all;
        }
        long n;
        try {
            n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new InvalidResponse("invalid Content-Length: " + length);
        }
        if (n < 0) {
            throw new InvalidResponse("invalid Content-Length: " + length);
        }
        if (n > BackendResponseLimits.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body = in.readNBytes((int) n);
        if (body.length < n) {
            throw new EOFException("body ended after " + body.length + " of " + n + " bytes");
        }
        return body;
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in, MAX_CHUNK_LINE);
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size =
                        Integer.parseInt(
                                (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon))
                                        .trim(),
                                16);
            } catch (NumberFormatException e) {
                throw new InvalidResponse("invalid chunk size: " + sizeLine);
            }
            if (size < 0) {
                throw new InvalidResponse("invalid chunk size: " + sizeLine);
            }
            if (size == 0) {
                int left = BackendResponseLimits.MAX_HEADER_BYTES;
                for (String trailer = line(in, left);
                        !trailer.isEmpty();
                        trailer = line(in, left)) {
                    left -= trailer.length() + 2;
                }
                return body.toByteArray();
            }
            if (size > BackendResponseLimits.MAX_BODY_BYTES - body.size()) {
                throw tooLarge();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("chunk ended early");
            }
            body.write(chunk);
            if (!line(in, MAX_CHUNK_LINE).isEmpty()) {
                throw new InvalidResponse("chunk not followed by CRLF");
            }
        }
    }

    private static InvalidResponse tooLarge() {
        return new InvalidResponse(
                "response body exceeds " + BackendResponseLimits.MAX_BODY_BYTES + " bytes");
    }

    /**
     * Reads a line ending in CRLF (or LF), without it, of at most {@code max} characters; fails at
     * the end of the stream.
     */
    private static String line(InputStream in, int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed before the end of a line");
            }
            if (line.size() > max) {
                throw new InvalidResponse("line longer than " + max + " characters");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length =
                bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                        ? bytes.length - 1
                        : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** An answer that is not HTTP or passes a limit: the backend's fault, not the network's. */
    static final class InvalidResponse extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidResponse(String message) {
            super(message);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort: the exchange already succeeded or failed.
        }
    }
}
