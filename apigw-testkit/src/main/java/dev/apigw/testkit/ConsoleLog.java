package dev.apigw.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.runtime.ExecutionTrace;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders a {@link TestInvokeResult} as the API Gateway console's Test tab shows it: the request,
 * status and latency, the response body and headers, then the execution log with its timestamped
 * lines (reference section 10.2). {@link GatewayAssertions#assertThat( TestInvokeResult)} prints it
 * when an assertion fails.
 *
 * <pre>
 * Request: /test/pets/1
 * Status: 200
 * Latency: 12 ms
 *
 * Response Body
 * {"id": 1}
 *
 * Response Headers
 * {"Content-Type":"application/json","x-amzn-RequestId":"…"}
 *
 * Logs
 * Execution log for request 3f1c…
 * Mon Jan 01 00:00:00 UTC 2024 : Starting execution for request: 3f1c…
 * …
 * </pre>
 *
 * <p>A log line over 1,024 characters is cut there and marked {@code [TRUNCATED]}, as CloudWatch
 * cuts execution log events; the response body is shown whole.
 */
public final class ConsoleLog {
    static final int MAX_LINE = 1024;

    /** The line that introduces the test result in an assertion's failure message. */
    static final String HEADING = "--- Test result, as the console shows it ---";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private ConsoleLog() {}

    /** Returns the console's Test result text of a test invocation. */
    public static String format(TestInvokeResult result) {
        Request request = result.request();
        Response response = result.response();
        StringBuilder s = new StringBuilder();
        s.append("Request: ").append(request.path());
        if (!request.rawQueryString().isEmpty()) {
            s.append('?').append(request.rawQueryString());
        }
        s.append("\nStatus: ")
                .append(response.statusCode())
                .append("\nLatency: ")
                .append(result.latency().toMillis())
                .append(" ms")
                .append("\n\nResponse Body\n")
                .append(response.bodyAsString())
                .append("\n\nResponse Headers\n")
                .append(headers(response.headers()))
                .append("\n\nLogs\nExecution log for request ")
                .append(response.headers().first("x-amzn-RequestId").orElse("-"))
                .append('\n');
        for (ExecutionTrace.Entry e : result.log().entries()) {
            String message = e.message();
            if (message.length() > MAX_LINE) {
                message = message.substring(0, MAX_LINE) + " [TRUNCATED]";
            }
            s.append(TIME.format(e.time())).append(" : ").append(message).append('\n');
        }
        return s.toString();
    }

    /** Returns a failure message followed by the test result, as assertions print it. */
    static String appendTo(String message, TestInvokeResult result) {
        String n = System.lineSeparator();
        return message + n + n + HEADING + n + format(result);
    }

    /** Returns the headers as one JSON object; a repeated header's values form an array. */
    private static String headers(Headers headers) {
        ObjectNode json = JSON.createObjectNode();
        headers.toMultimap()
                .forEach(
                        (name, values) -> {
                            if (values.size() == 1) {
                                json.put(name, values.get(0));
                            } else {
                                values.forEach(json.withArrayProperty(name)::add);
                            }
                        });
        return json.toString();
    }
}
