package dev.apigw.runtime.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the coding of a compressed response from a request's {@code Accept-Encoding} values,
 * reference 6.4 (the AWS pages "Receive an API response with a compressed payload" and "Enable
 * payload compression for an API"): the coding with the highest q-value (the first listed among
 * equals; a missing q-value is 1, q=0 refuses) must be {@code gzip} or {@code deflate}, else the
 * response is not compressed. No header, or {@code *}, means no compression: AWS compresses only
 * for a coding the client names.
 */
final class AcceptEncoding {
    private AcceptEncoding() {}

    /** Returns {@code gzip} or {@code deflate}, or empty when the response stays as it is. */
    static Optional<String> preferred(List<String> acceptEncodingValues) {
        String best = null;
        double bestQ = 0;
        for (String value : acceptEncodingValues) {
            for (String element : value.split(",")) {
                String[] parts = element.split(";");
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                double q = quality(parts);
                if (!coding.isEmpty() && q > bestQ) {
                    best = coding;
                    bestQ = q;
                }
            }
        }
        return "gzip".equals(best) || "deflate".equals(best) ? Optional.of(best) : Optional.empty();
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
