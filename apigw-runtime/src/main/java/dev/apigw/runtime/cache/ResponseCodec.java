package dev.apigw.runtime.cache;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Response;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a response as the bytes of a cache entry and reads it back (reference 9.3: a hit carries
 * the status, the headers in order with every value, and the body): the status, the number of
 * header fields, each name and value, then the body's length and bytes.
 */
final class ResponseCodec {
    private ResponseCodec() {}

    /** Returns the entry bytes of a response. */
    static byte[] encode(Response response) {
        Headers headers = response.headers();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(response.bodyLength() + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(response.statusCode());
            out.writeInt(headers.size());
            for (int i = 0; i < headers.size(); i++) {
                out.writeUTF(headers.name(i));
                out.writeUTF(headers.value(i));
            }
            byte[] body = response.body();
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns the response an entry holds. */
    static Response decode(byte[] entry) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(entry))) {
            Response.Builder response = Response.builder().statusCode(in.readShort());
            int fields = in.readInt();
            Headers.Builder headers = Headers.builder();
            for (int i = 0; i < fields; i++) {
                headers.add(in.readUTF(), in.readUTF());
            }
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return response.headers(headers.build()).body(body).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
