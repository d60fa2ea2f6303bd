package dev.apigw.runtime.auth.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One decoded name/value pair of a raw query string, as SigV4 reads it: pairs split on {@code &},
 * name and value on the first {@code =}, each percent-decoded ({@code +} is kept as it is).
 *
 * @param name the decoded name
 * @param value the decoded value, empty when the pair has no {@code =}
 */
record QueryParameter(String name, String value) {

    /**
     * Returns the pairs of a raw query string (without {@code ?}), in order; empty pairs skipped.
     */
    static List<QueryParameter> parseAll(String rawQuery) {
        List<QueryParameter> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new QueryParameter(SigV4Encoding.decode(name), SigV4Encoding.decode(value)));
        }
        return out;
    }

    /** Returns the value of the first pair with exactly this name. */
    static Optional<String> first(List<QueryParameter> params, String name) {
        return params.stream().filter(p -> p.name.equals(name)).map(p -> p.value).findFirst();
    }
}
