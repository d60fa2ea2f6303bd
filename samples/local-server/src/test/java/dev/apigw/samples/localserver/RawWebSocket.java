package dev.apigw.samples.localserver;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A WebSocket client over a plain socket for the tests a well-behaved client cannot make (RFC
 * 6455): upgrade requests without the required headers, frames of any size, fragments, text frames
 * that are not UTF-8; it reads the server's frames one by one. Not thread-safe.
 */
final class RawWebSocket implements AutoCloseable {
    /** The opcode of a continuation frame. */
    static final int CONTINUATION = 0x0;

    /** The opcode of a text frame. */
    static final int TEXT = 0x1;

    /** The opcode of a close frame. */
    static final int CLOSE = 0x8;

    /** A valid {@code Sec-WebSocket-Key} (RFC 6455's sample nonce). */
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private static final int TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SplittableRandom masks = new SplittableRandom(42);

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A frame the server sent. */
    record Received(boolean fin, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** Returns the close code of a close frame. */
        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    /**
     * Sends an HTTP request for {@code url} (a {@code ws://} URL) with {@code headers} (lines
     * without the {@code Host} one) and returns the socket once the response head was read; {@link
     * #status} says what it answered.
     */
    static Answer request(String url, String... headers) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        StringBuilder head = new StringBuilder();
        head.append("GET ").append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        RawWebSocket raw = new RawWebSocket(socket);
        String statusLine = raw.readLine();
        String line;
        do {
            line = raw.readLine();
        } while (!line.isEmpty());
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), raw);
    }

    /** Connects to {@code url} with a valid upgrade; fails unless the server answers 101. */
    static RawWebSocket connect(String url) throws IOException {
        Answer answer =
                request(
                        url,
                        "Upgrade: websocket",
                        "Connection: Upgrade",
                        "Sec-WebSocket-Version: 13",
                        "Sec-WebSocket-Key: " + KEY);
        if (answer.status() != 101) {
            answer.socket().close();
            throw new IOException("upgrade answered " + answer.status());
        }
        return answer.socket();
    }

    /** The status of an HTTP answer and the socket it came on. */
    record Answer(int status, RawWebSocket socket) {}

    /** Sends one masked frame. */
    void send(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) payload.length >>> shift) & 0xFF));
            }
        }
        byte[] mask = new byte[4];
        masks.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Sends a whole text message in one frame. */
    void sendText(String text) throws IOException {
        send(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the next frame the server sent (unmasked, as servers send). */
    Received read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Received((first & 0x80) != 0, first & 0x0F, payload);
    }

    /** Reads frames until a close frame and returns its code. */
    int awaitClose() throws IOException {
        while (true) {
            Received frame = read();
            if (frame.opcode() == CLOSE) {
                return frame.closeCode();
            }
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream stream = in;
        for (int c = stream.read(); c != '\n'; c = stream.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the response head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
