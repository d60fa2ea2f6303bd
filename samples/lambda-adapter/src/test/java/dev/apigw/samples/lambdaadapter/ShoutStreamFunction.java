package dev.apigw.samples.lambdaadapter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A real stream handler: answers every proxy event with 202 and the body {@code SHOUTED}. */
public final class ShoutStreamFunction implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        input.readAllBytes();
        output.write(
                "{\"statusCode\": 202, \"body\": \"SHOUTED\"}".getBytes(StandardCharsets.UTF_8));
    }
}
