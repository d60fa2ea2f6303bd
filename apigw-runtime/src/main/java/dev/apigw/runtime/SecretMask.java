package dev.apigw.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of the {@code Authorization}, {@code x-api-key} and {@code X-Amz-Security-Token}
 * headers, a presigned URL's {@code X-Amz-Security-Token} and {@code X-Amz-Signature} query
 * parameters and a TOKEN authorizer event's {@code authorizationToken} in the lines {@link
 * ExecutionTrace} writes to a stage's execution log, as API Gateway "redacts authorization header
 * values, API key values, and similar sensitive request parameters" from execution logs (reference
 * 10.2); the test log of {@link Api#testInvoke} keeps them, as the console's test does: every
 * character but the last six becomes {@code *}, and a value of fewer than twelve characters is
 * masked whole. Values are found where the log prints headers: {@code Name=value} in a header map
 * ({@code {a=b, c=d}}) and {@code "Name":"value"} or {@code "Name":["value"]} in a Lambda proxy
 * event. The number of characters shown is our choice ({@code docs/differences.md}).
 */
final class SecretMask {
    /** Characters left visible at the end of a long enough secret. */
    static final int SHOWN = 6;

    private static final Pattern SECRET =
            Pattern.compile(
                    "(?i)(?<![\\w-])((?:authorization|x-api-key|x-amz-security-token|x-amz-signature|authorizationToken|usageIdentifierKey)(?:=|\"\\s*:\\s*\\[?\\s*\"))"
                            + "([^\"\\r\\n]*?)(?=\"|, [\\w-]+=|}|$)");

    private SecretMask() {}

    /** Returns the line with every secret header value masked. */
    static String mask(String line) {
        Matcher m = SECRET.matcher(line);
        if (!m.find()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        do {
            m.appendReplacement(out, "");
            out.append(m.group(1)).append(mask(m.group(2).length(), m.group(2)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String mask(int length, String value) {
        int shown = length >= 2 * SHOWN ? SHOWN : 0;
        return "*".repeat(length - shown) + value.substring(length - shown);
    }
}
