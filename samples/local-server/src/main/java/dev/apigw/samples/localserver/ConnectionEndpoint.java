package dev.apigw.samples.localserver;

import dev.apigw.runtime.websocket.Frame;
import dev.apigw.runtime.websocket.WebSocketGateway;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty side of one accepted connection (reference 7.3): each whole message (Jetty reassembles
 * fragments) goes to {@link WebSocketGateway#message}, and a close from the client or the network
 * to {@link WebSocketGateway#disconnect} with its status code and reason. Public only because Jetty
 * calls its methods through method handles; made by {@code WebSocketEndpointServlet}.
 */
public final class ConnectionEndpoint extends Session.Listener.AbstractAutoDemanding {
    private final WebSocketGateway gateway;
    private final String connectionId;
    private final SessionSink sink;

    ConnectionEndpoint(WebSocketGateway gateway, String connectionId, SessionSink sink) {
        this.gateway = gateway;
        this.connectionId = connectionId;
        this.sink = sink;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        sink.open(session);
    }

    @Override
    public void onWebSocketText(String message) {
        gateway.message(connectionId, Frame.text(message));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        callback.succeed();
        gateway.message(connectionId, Frame.binary(data));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        gateway.disconnect(connectionId, statusCode, reason);
    }
}
