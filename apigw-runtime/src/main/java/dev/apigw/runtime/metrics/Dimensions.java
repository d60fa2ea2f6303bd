package dev.apigw.runtime.metrics;

/**
 * The values of the metrics' dimensions as API Gateway sends them to CloudWatch (reference 10.1):
 * the API name without its non-ASCII characters (the API id when none remains), the stage name
 * ({@code {stage}/Canary} for the requests of its canary, reference 9.2), every value at most 255
 * characters.
 */
final class Dimensions {
    /** CloudWatch's longest dimension value. */
    static final int MAX_LENGTH = 255;

    /** The suffix of the {@code Stage} value of a canary's requests, as of its log groups. */
    static final String CANARY_SUFFIX = "/Canary";

    private Dimensions() {}

    /**
     * Returns the {@code ApiName} value: {@code name} without its non-ASCII characters, or {@code
     * apiId} when no ASCII character remains, at most 255 characters.
     */
    static String apiName(String name, String apiId) {
        StringBuilder ascii = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x80) {
                ascii.append(c);
            }
        }
        return value(ascii.length() > 0 ? ascii.toString() : apiId);
    }

    /**
     * Returns the {@code Stage} value of a stage's requests, or of its canary's ({@code
     * prod/Canary}), at most 255 characters.
     */
    static String stage(String stageName, boolean canary) {
        return value(canary ? stageName + CANARY_SUFFIX : stageName);
    }

    /** Returns {@code value} cut to CloudWatch's 255 characters. */
    static String value(String value) {
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
    }
}
