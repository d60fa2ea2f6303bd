package dev.apigw.servlet;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty 12 server that hands every request target to its servlets as sent. The connector's {@link
 * UriCompliance#UNSAFE} lets ambiguous targets in ({@code //}, {@code %2F}, {@code %2B}, {@code ..}
 * encodings), and the servlet handler's {@code decodeAmbiguousURIs} lets the Servlet API serve them
 * instead of answering 400, since API Gateway itself routes raw paths (reference 7.1). The port is
 * bound by {@link #open()} before servlets are added, so that a definition can be built knowing the
 * real port. {@code Server} and {@code X-Powered-By} headers are off; Jetty adds {@code Date},
 * {@code Content-Length} and {@code Connection}. The request line and headers may take {@link
 * #REQUEST_HEADER_BYTES}, and what Jetty rejects is answered in API Gateway's shape ({@link
 * JsonErrorHandler}).
 */
public final class LocalServer implements AutoCloseable {
    /**
     * Room for the request line and headers: well past API Gateway's limits of 10,240 characters of
     * URL and 10,240 bytes of headers (reference 9.5), so that the gateway, not Jetty, answers a
     * request over them; beyond it Jetty's 431 is answered as the gateway's 413 by {@link
     * JsonErrorHandler}.
     */
    static final int REQUEST_HEADER_BYTES = 64 * 1024;

    private final String host;
    private final Server server;
    private final ServerConnector connector;
    private final ServletContextHandler context;

    private LocalServer(String host, int port) {
        this.host = host;
        HttpConfiguration config = new HttpConfiguration();
        config.setUriCompliance(UriCompliance.UNSAFE);
        config.setHttpCompliance(HttpCompliance.RFC9110);
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        server = new Server();
        connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        server.setHandler(context);
        server.setErrorHandler(new JsonErrorHandler());
        // The servlet context answers some targets itself (a DELETE of "*"): in the same shape.
        context.setErrorHandler(new JsonErrorHandler());
    }

    /** Returns a server for this host and port (0 picks a free port); nothing is bound yet. */
    public static LocalServer create(String host, int port) {
        return new LocalServer(host, port);
    }

    /**
     * Binds the port; fails with an {@link IllegalStateException} whose message is one line ({@code
     * cannot listen on HOST:PORT: reason}) when it cannot.
     */
    public LocalServer open() {
        try {
            connector.open();
        } catch (IOException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            throw new IllegalStateException(
                    "cannot listen on "
                            + host
                            + ":"
                            + connector.getPort()
                            + ": "
                            + cause.getMessage(),
                    e);
        }
        return this;
    }

    /** Returns the bound port (after {@link #open()}). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Returns the host listened on. */
    public String host() {
        return host;
    }

    /** Returns {@code http://HOST:PORT}, with an IPv6 host in brackets. */
    public String baseUrl() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Serves a servlet under a path spec such as {@code /*} or {@code /_echo/*}. */
    public LocalServer serve(String pathSpec, HttpServlet servlet) {
        context.addServlet(new ServletHolder(servlet), pathSpec);
        return this;
    }

    /** Starts serving. */
    public LocalServer start() {
        open();
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start: " + e.getMessage(), e);
        }
        return this;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server, finishing requests in flight for up to five seconds. */
    @Override
    public void close() {
        server.setStopTimeout(5_000);
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop: " + e.getMessage(), e);
        }
    }
}
