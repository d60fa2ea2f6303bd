package dev.apigw.runtime.spi;

/**
 * Receives access-log lines, as CloudWatch Logs or Kinesis Data Firehose receive them from a stage
 * with access logging (reference 10.3): one formatted line per request, addressed to the stage's
 * destination. Called from the threads handling requests, concurrently: an implementation must be
 * thread-safe and must not block for long. An exception it throws is logged and never reaches the
 * caller of the API.
 */
@FunctionalInterface
public interface AccessLogSink {
    /**
     * Writes one line.
     *
     * @param destinationArn the stage's {@code accessLogSettings.destinationArn}
     * @param line the request's line in the stage's {@code accessLogSettings.format}
     */
    void write(String destinationArn, String line);
}
