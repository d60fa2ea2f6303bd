package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A stream handler that answers a JSON string of exactly the input's {@code bytes} bytes (quotes
 * included), written in chunks of at most 1 MB, as a function streaming a large answer does. The
 * input is the payload itself or, for a proxy event, its {@code body}.
 */
public class FloodHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode in = JSON.readTree(input);
        if (in.path("body").isTextual()) {
            in = JSON.readTree(in.get("body").asText());
        }
        long total = in.path("bytes").asLong();
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        output.write('"');
        for (long left = total - 2; left > 0; left -= chunk.length) {
            output.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        output.write('"');
    }
}
