package dev.apigw.runtime.http;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.HttpBackendException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The default {@link HttpBackend}: {@code java.net.http} over HTTP/1.1, as API Gateway calls
 * backends, without following redirects. Two clients are kept, one of them skipping TLS checks for
 * integrations with {@code insecureSkipVerification}. The integration timeout is a deadline for the
 * whole exchange, body included (reference 9.5): {@code HttpRequest.timeout} bounds the wait for
 * the headers and a {@link DeadlineSubscriber} the body; on expiry the call is cancelled and a
 * TIMEOUT is reported. The call is made with the synchronous {@code HttpClient.send} on the
 * caller's thread: {@code sendAsync} hands every completion to {@code CompletableFuture}'s default
 * executor, which on a machine with fewer than three CPUs starts a new thread per task, and under
 * 64 concurrent calls that cost most of the throughput (issue 9: 700 requests/s through the local
 * server's HTTP proxy route). For the same reason the clients run their own tasks where they arise
 * ({@code executor(Runnable::run)}: on the selector thread or the caller's) instead of handing each
 * to a pool thread; the body handler only collects bytes, so nothing blocks there. Connection
 * refusals, unknown hosts, TLS and other I/O failures are NETWORK. Response headers keep every
 * value (their order across names is not kept). A header section or body past {@link
 * BackendResponseLimits}, or a header that is not a valid field, is INVALID_RESPONSE; the body is
 * read no further than the limit. The status line is read by {@code java.net.http}, bounded by its
 * own limit on the whole head (384 KB by default), and its reason phrase is dropped; an answer it
 * cannot parse ({@link ProtocolException}) is INVALID_RESPONSE too.
 *
 * <p>A mapped {@code Host} (reference 5.2: {@code integration.request.header.Host}) must reach the
 * backend, but {@code java.net.http} refuses to send a caller's {@code Host} unless the JVM-wide
 * system property {@code jdk.httpclient.allowRestrictedHeaders} was set before its classes loaded;
 * a library must not change JVM-wide settings behind its host's back, and detecting the property
 * would still leave the mapping broken by default. So a request whose {@code Host} differs from the
 * URI's authority goes through {@link SocketHttpClient}, a small HTTP/1.1 client on a plain or TLS
 * socket that writes its headers itself, with the same deadline, TLS checks and failure kinds;
 * every other request uses {@code java.net.http}.
 */
public final class JdkHttpBackend implements HttpBackend {
    /**
     * Headers {@code java.net.http} sets itself and refuses from callers, and {@code
     * Transfer-Encoding}, which would contradict the framing it chooses.
     */
    private static final Set<String> RESTRICTED =
            Set.of(
                    "connection",
                    "content-length",
                    "expect",
                    "host",
                    "upgrade",
                    "transfer-encoding");

    private volatile HttpClient client;
    private volatile HttpClient insecureClient;
    private volatile SocketHttpClient socketClient;
    private volatile SocketHttpClient insecureSocketClient;

    private JdkHttpBackend() {}

    /**
     * Returns a new default backend on {@code java.net.http} (HTTP/1.1, no redirects), the one
     * {@code Api.builder()} uses when the host sets none. Its clients are created on first use.
     */
    public static HttpBackend create() {
        return new JdkHttpBackend();
    }

    @Override
    public BackendResponse send(BackendRequest request) {
        String host = request.headers().last("Host").orElse(null);
        if (host != null && !host.equalsIgnoreCase(request.uri().getRawAuthority())) {
            return socketClient(request.insecureSkipVerification()).send(request);
        }
        HttpRequest httpRequest;
        try {
            httpRequest = toHttpRequest(request);
        } catch (IllegalArgumentException e) {
            throw new HttpBackendException(
                    HttpBackendException.Failure.NETWORK,
                    "cannot send to " + request.uri() + ": " + e.getMessage(),
                    e);
        }
        HttpClient c = request.insecureSkipVerification() ? insecureClient() : client();
        long deadline = System.nanoTime() + request.timeout().toNanos();
        try {
            // HttpRequest.timeout ends when the headers arrive: the body has the time left.
            HttpResponse<byte[]> response =
                    c.send(
                            httpRequest,
                            info ->
                                    new DeadlineSubscriber(
                                            BoundedBody.HANDLER.apply(info),
                                            deadline - System.nanoTime()));
            Headers headers = headersOf(response);
            String problem = BackendResponseLimits.headerProblem(headers);
            if (problem != null) {
                throw invalid(request, problem, null);
            }
            return new BackendResponse(response.statusCode(), headers, response.body());
        } catch (HttpTimeoutException e) {
            throw timeout(request, e);
        } catch (IOException e) {
            if (causedBy(e, TimeoutException.class)) {
                throw timeout(request, e);
            }
            if (causedBy(e, BoundedBody.TooLarge.class) || causedBy(e, ProtocolException.class)) {
                throw invalid(request, e.getMessage(), e);
            }
            throw new HttpBackendException(
                    HttpBackendException.Failure.NETWORK,
                    "cannot reach " + request.uri() + ": " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpBackendException(
                    HttpBackendException.Failure.NETWORK,
                    "interrupted while calling " + request.uri(),
                    e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static HttpRequest toHttpRequest(BackendRequest request) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(request.uri())
                        .timeout(request.timeout())
                        .method(
                                request.httpMethod(),
                                request.body().length == 0
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers()
                .forEach(
                        (name, value) -> {
                            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                                b.header(name, value);
                            }
                        });
        return b.build();
    }

    private static HttpBackendException invalid(
            BackendRequest request, String problem, Throwable cause) {
        return new HttpBackendException(
                HttpBackendException.Failure.INVALID_RESPONSE,
                "invalid answer from " + request.uri() + ": " + problem,
                cause);
    }

    private static HttpBackendException timeout(BackendRequest request, Throwable cause) {
        return new HttpBackendException(
                HttpBackendException.Failure.TIMEOUT,
                "no answer from " + request.uri() + " within " + request.timeout(),
                cause);
    }

    private static Headers headersOf(HttpResponse<byte[]> response) {
        Headers.Builder headers = Headers.builder();
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            if (e.getKey().startsWith(":")) {
                continue;
            }
            for (String value : e.getValue()) {
                headers.add(e.getKey(), value);
            }
        }
        return headers.build();
    }

    private SocketHttpClient socketClient(boolean insecure) {
        SocketHttpClient c = insecure ? insecureSocketClient : socketClient;
        if (c == null) {
            synchronized (this) {
                if (insecure && insecureSocketClient == null) {
                    insecureSocketClient = new SocketHttpClient(trustAll(), false);
                } else if (!insecure && socketClient == null) {
                    socketClient = new SocketHttpClient(defaultTls(), true);
                }
                c = insecure ? insecureSocketClient : socketClient;
            }
        }
        return c;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    /**
     * Returns the client, created on first use: an {@code Api} without HTTP integrations never
     * starts one (each {@code HttpClient} runs a selector thread).
     */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = newClient(null);
                }
                c = client;
            }
        }
        return c;
    }

    private HttpClient insecureClient() {
        HttpClient c = insecureClient;
        if (c == null) {
            synchronized (this) {
                if (insecureClient == null) {
                    insecureClient = newClient(trustAll());
                }
                c = insecureClient;
            }
        }
        return c;
    }

    private static HttpClient newClient(SSLContext ssl) {
        HttpClient.Builder b =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(Runnable::run)
                        .connectTimeout(Duration.ofSeconds(29));
        if (ssl != null) {
            b.sslContext(ssl);
        }
        return b.build();
    }

    private static SSLContext trustAll() {
        TrustManager trustAll =
                new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                };
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {trustAll}, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }
}
