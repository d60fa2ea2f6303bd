package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Access-log lines (reference 10.3) as the server prints them on standard output. */
class AccessLogPrinterTest {
    private final List<String> out = new ArrayList<>();
    private final AccessLogPrinter printer = new AccessLogPrinter(out::add);

    @Test
    void write_line_printsItAsGivenWithoutTheDestination() {
        printer.write(
                "arn:aws:logs:us-east-1:123456789012:log-group:access",
                "{ \"requestId\":\"c0ffee\", \"status\":\"200\" }");

        assertThat(out).containsExactly("{ \"requestId\":\"c0ffee\", \"status\":\"200\" }");
    }

    @Test
    void write_formatEndingWithALineBreak_printsNoEmptyLine() {
        printer.write("arn", "c0ffee 200\n");
        printer.write("arn", "c0ffee 201\r\n");

        assertThat(out).containsExactly("c0ffee 200", "c0ffee 201");
    }
}
