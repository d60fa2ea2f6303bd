package dev.apigw.runtime.content;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.limits.LimitsStep;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The content codings API Gateway supports for payload compression, reference 6.4 (the AWS pages
 * "Payload compression for REST APIs in API Gateway" and "Call an API method with a compressed
 * payload"): {@code gzip}, {@code deflate} (the zlib format of RFC 9110) and {@code identity}.
 *
 * <p>A request body whose {@code Content-Encoding} names another coding, or that is not compressed
 * with the coding it names, gets 415 UNSUPPORTED_MEDIA_TYPE, as the AWS page says. A body that
 * decompresses to more than the 10 MB payload limit gets 413 REQUEST_TOO_LARGE (our choice:
 * reference 9.5 gives the limit, not how it applies to a decompressed body).
 */
final class ContentCoding {
    private ContentCoding() {}

    /**
     * Returns the exchange with its request body decompressed when the request has a {@code
     * Content-Encoding}; the same exchange when it has none. The request's headers stay as sent.
     */
    static Exchange decompressed(Exchange exchange) {
        Request request = exchange.request();
        Optional<String> encoding = request.headers().first("Content-Encoding");
        if (encoding.isEmpty() || request.bodyLength() == 0) {
            return exchange;
        }
        byte[] body =
                decode(request.body(), encoding.get())
                        .orElseThrow(
                                () -> {
                                    exchange.trace()
                                            .error(
                                                    "decompression",
                                                    "Unable to decompress the request body"
                                                            + " with Content-Encoding ",
                                                    encoding.get());
                                    return GatewayException.of(
                                            GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
                                });
        if (body.length > LimitsStep.MAX_PAYLOAD_BYTES) {
            throw GatewayException.of(GatewayResponseType.REQUEST_TOO_LARGE);
        }
        return exchange.withRequest(request.toBuilder().body(body).build());
    }

    /**
     * Returns a body decoded by a {@code Content-Encoding} value (codings listed in the order they
     * were applied, so undone last first); empty when a coding is not supported or the body is not
     * in it. Stops reading once the result passes the 10 MB payload limit.
     */
    static Optional<byte[]> decode(byte[] body, String contentEncoding) {
        String[] codings = contentEncoding.split(",");
        byte[] decoded = body;
        for (int i = codings.length - 1; i >= 0; i--) {
            String coding = codings[i].trim().toLowerCase(Locale.ROOT);
            try {
                switch (coding) {
                    case "identity":
                        break;
                    case "gzip":
                    case "x-gzip":
                        decoded = readAll(new GZIPInputStream(new ByteArrayInputStream(decoded)));
                        break;
                    case "deflate":
                        decoded =
                                readAll(new InflaterInputStream(new ByteArrayInputStream(decoded)));
                        break;
                    default:
                        return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(decoded);
    }

    /** Returns a body encoded with {@code gzip} or {@code deflate}. */
    static byte[] encode(byte[] body, String coding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 32);
        try (var compressing =
                coding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            compressing.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory compression cannot fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(LimitsStep.MAX_PAYLOAD_BYTES + 1);
        }
    }
}
