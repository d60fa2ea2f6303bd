package dev.apigw.samples.localserver;

import dev.apigw.runtime.spi.AccessLogSink;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The local server's access log (reference 10.3): each line the stage's {@code
 * accessLogSettings.format} renders goes to standard output as it is, one line per request, the
 * destination ARN left out (standard output is the destination). A format that ends with a line
 * break ({@code \n}, as AWS lets a format add one) does not add an empty line. Thread-safe when the
 * output is.
 */
final class AccessLogPrinter implements AccessLogSink {
    private final Consumer<String> out;

    AccessLogPrinter(Consumer<String> out) {
        this.out = Objects.requireNonNull(out);
    }

    @Override
    public void write(String destinationArn, String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
        }
        out.accept(line.substring(0, end));
    }
}
