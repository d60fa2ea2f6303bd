package dev.apigw.runtime.cache;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a response as the bytes of a cache entry and reads it back (reference 9.3: a hit carries
 * the status, the headers in order with every value, and the body): the status (2 bytes), the
 * number of header fields (4), each name and value as a length (4) and its UTF-8 bytes, then the
 * body's length (4) and bytes. A read builds the response through its builder, so a header an entry
 * holds is checked as any response's header is.
 */
final class ResponseCodec {
    private ResponseCodec() {}

    /** Returns the entry bytes of a response. */
    static byte[] encode(Response response) {
        Headers headers = response.headers();
        byte[][] fields = new byte[headers.size() * 2][];
        int size = 2 + 4 + 4 + response.bodyLength();
        for (int i = 0; i < headers.size(); i++) {
            fields[2 * i] = headers.name(i).getBytes(StandardCharsets.UTF_8);
            fields[2 * i + 1] = headers.value(i).getBytes(StandardCharsets.UTF_8);
            size += 8 + fields[2 * i].length + fields[2 * i + 1].length;
        }
        ByteBuffer entry = ByteBuffer.allocate(size);
        entry.putShort((short) response.statusCode()).putInt(headers.size());
        for (byte[] field : fields) {
            entry.putInt(field.length).put(field);
        }
        byte[] body = response.body();
        entry.putInt(body.length).put(body);
        return entry.array();
    }

    /** Returns the response an entry holds. */
    static Response decode(byte[] entry) {
        ByteBuffer in = ByteBuffer.wrap(entry);
        Response.Builder response = Response.builder().statusCode(in.getShort());
        int fields = in.getInt();
        for (int i = 0; i < fields; i++) {
            response.addHeader(text(entry, in), text(entry, in));
        }
        int length = in.getInt();
        int start = in.position();
        return response.body(Arrays.copyOfRange(entry, start, start + length)).build();
    }

    private static String text(byte[] entry, ByteBuffer in) {
        int length = in.getInt();
        int start = in.position();
        in.position(start + length);
        return new String(entry, start, length, StandardCharsets.UTF_8);
    }
}
