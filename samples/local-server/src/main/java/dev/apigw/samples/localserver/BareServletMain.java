package dev.apigw.samples.localserver;

import dev.apigw.servlet.LocalServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The reference for throughput figures: the same Jetty configuration as the local server with one
 * servlet that returns fixed bytes (the demo's {@code GET /dev/pets} body) for every request, so
 * that {@code wrk.sh} measures what the gateway adds over a bare servlet in the same run. Run it
 * with {@code java -cp apigw-local.jar dev.apigw.samples.localserver.BareServletMain [PORT
 * [BUSY_NANOS]]}; it prints {@code Listening on http://127.0.0.1:PORT} when ready. With {@code
 * BUSY_NANOS} each request first spins that long on its CPU: what a known cost per request does to
 * the requests per second measured on this machine.
 */
public final class BareServletMain {
    private static final byte[] BODY =
            ("[{\"id\":\"1\",\"type\":\"dog\",\"price\":249.99},"
                            + "{\"id\":\"2\",\"type\":\"cat\",\"price\":124.99}]")
                    .getBytes(StandardCharsets.UTF_8);

    private BareServletMain() {}

    /** Serves fixed bytes on 127.0.0.1 and the given port (default 0, a free one). */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long busyNanos = args.length > 1 ? Long.parseLong(args[1]) : 0;
        LocalServer server =
                LocalServer.create("127.0.0.1", port)
                        .open()
                        .serve("/*", new FixedBytesServlet(busyNanos))
                        .start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bare-shutdown"));
        System.out.println("Listening on " + server.baseUrl());
        System.out.flush();
        server.join();
    }

    private static final class FixedBytesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final long busyNanos;

        FixedBytesServlet(long busyNanos) {
            this.busyNanos = busyNanos;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp)
                throws IOException {
            long until = System.nanoTime() + busyNanos;
            while (busyNanos > 0 && System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
            resp.setStatus(200);
            resp.setContentType("application/json");
            resp.setContentLength(BODY.length);
            resp.getOutputStream().write(BODY);
        }
    }
}
