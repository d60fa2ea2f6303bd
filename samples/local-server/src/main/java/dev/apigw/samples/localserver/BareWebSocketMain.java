package dev.apigw.samples.localserver;

import dev.apigw.servlet.LocalServer;
import jakarta.servlet.ServletException;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The reference for WebSocket figures (reference 7.3): the same Jetty configuration as the local
 * server's WebSocket endpoint ({@link LocalServer}, the frame and message sizes and idle timeout of
 * {@code WebSocketEndpointServlet}) with an endpoint that sends every text message straight back,
 * so that {@code benchmarks/websocket-load.sh} measures what the gateway adds over bare Jetty in
 * the same run. Run it with {@code java -cp apigw-local.jar
 * dev.apigw.samples.localserver.BareWebSocketMain [PORT]}; it prints {@code Listening on
 * ws://127.0.0.1:PORT/bare} when ready.
 */
public final class BareWebSocketMain {
    /** The path the echo endpoint is served on. */
    static final String PATH = "/bare";

    private BareWebSocketMain() {}

    /** Serves the echo endpoint on 127.0.0.1 and the given port (default 0, a free one). */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        LocalServer server = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bare-shutdown"));
        System.out.println("Listening on " + WebSocketServing.stageUrl(server.baseUrl(), "bare"));
        System.out.flush();
        server.join();
    }

    /** Starts the echo endpoint on 127.0.0.1 and {@code port}; the caller closes it. */
    public static LocalServer start(int port) {
        return LocalServer.create("127.0.0.1", port).open().serve(PATH, new EchoServlet()).start();
    }

    /** Upgrades every request to an {@link Echo} endpoint, configured as the gateway's. */
    private static final class EchoServlet extends JettyWebSocketServlet {
        private static final long serialVersionUID = 1L;

        @Override
        public void init() throws ServletException {
            WebSocketEndpointServlet.ensureContainer(getServletContext());
            super.init();
        }

        @Override
        protected void configure(JettyWebSocketServletFactory factory) {
            WebSocketEndpointServlet.applyLimits(factory);
            factory.setCreator((request, response) -> new Echo());
        }
    }

    /** Sends each text message back on its session. Public: Jetty calls it by method handles. */
    public static final class Echo extends Session.Listener.AbstractAutoDemanding {
        @Override
        public void onWebSocketText(String message) {
            getSession().sendText(message, Callback.NOOP);
        }
    }
}
