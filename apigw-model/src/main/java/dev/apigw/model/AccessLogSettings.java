package dev.apigw.model;

/**
 * Where and how a stage writes access logs (reference section 10.3).
 *
 * @param format the log line format with {@code $context} variables
 * @param destinationArn the destination (a CloudWatch log group or Firehose ARN)
 */
public record AccessLogSettings(String format, String destinationArn) {
    /** Validates the settings. */
    public AccessLogSettings {
        Checks.requireText(format, "accessLogSettings format");
        Checks.requireText(destinationArn, "accessLogSettings destinationArn");
    }
}
