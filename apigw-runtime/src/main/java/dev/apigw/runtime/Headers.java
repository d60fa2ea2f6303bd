package dev.apigw.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Immutable HTTP headers: names case-insensitive, several values per name, the order and the casing
 * of names kept as sent (API Gateway passes the client's casing to Lambda, reference 2.1).
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(new String[0]);
    private static final String DELIMITERS = "\"(),/:;<=>?@[\\]{}";

    private final String[] namesAndValues;

    private Headers(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /** Returns headers without any field. */
    public static Headers empty() {
        return EMPTY;
    }

    /** Returns headers from alternating names and values, e.g. {@code of("Accept", "x/y")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected alternating names and values");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these headers. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.namesAndValues.addAll(Arrays.asList(namesAndValues));
        return b;
    }

    /**
     * Returns a copy in which each given name (any casing) has only the given value, added after
     * the other fields, e.g. {@code with("x-amzn-RequestId", id)}. One copy, however many names.
     */
    public Headers with(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected alternating names and values");
        }
        String[] fields = new String[this.namesAndValues.length + namesAndValues.length];
        int n = 0;
        for (int i = 0; i < this.namesAndValues.length; i += 2) {
            if (!isAmong(this.namesAndValues[i], namesAndValues)) {
                fields[n++] = this.namesAndValues[i];
                fields[n++] = this.namesAndValues[i + 1];
            }
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields[n++] = Objects.requireNonNull(namesAndValues[i], "header name");
            fields[n++] = Objects.requireNonNull(namesAndValues[i + 1], "header value");
        }
        return new Headers(n == fields.length ? fields : Arrays.copyOf(fields, n));
    }

    private static boolean isAmong(String name, String[] namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the number of fields (a name with two values counts twice). */
    public int size() {
        return namesAndValues.length / 2;
    }

    /** Returns whether there is no field. */
    public boolean isEmpty() {
        return namesAndValues.length == 0;
    }

    /** Returns the name of field {@code index}, as sent. */
    public String name(int index) {
        return namesAndValues[index * 2];
    }

    /** Returns the value of field {@code index}. */
    public String value(int index) {
        return namesAndValues[index * 2 + 1];
    }

    /** Returns whether a field of this name exists, in any casing. */
    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    /** Returns the first value of a name, in any casing. */
    public Optional<String> first(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(namesAndValues[i + 1]);
    }

    /** Returns the last value of a name, in any casing. */
    public Optional<String> last(String name) {
        for (int i = namesAndValues.length - 2; i >= 0; i -= 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return Optional.of(namesAndValues[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** Returns every value of a name in order, in any casing. */
    public List<String> values(String name) {
        List<String> values = null;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(namesAndValues[i + 1]);
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    /**
     * Returns the values grouped by name in order of first appearance, each under the casing it was
     * first sent with.
     */
    public Map<String, List<String>> toMultimap() {
        Map<String, String> casing = new HashMap<>();
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String sent = namesAndValues[i];
            String name = casing.computeIfAbsent(sent.toLowerCase(Locale.ROOT), k -> sent);
            grouped.computeIfAbsent(name, n -> new ArrayList<>(1)).add(namesAndValues[i + 1]);
        }
        return grouped;
    }

    /** Calls {@code action} with each name and value, in order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            action.accept(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    /**
     * Returns whether {@code name} is a field name of RFC 9110 section 5.1: a token of one or more
     * visible ASCII characters other than delimiters ({@code "(),/:;<=>?@[\]{}}).
     */
    public static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || DELIMITERS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns whether {@code value} is a field value of RFC 9110 section 5.5: no control character
     * but horizontal tab, so no CR, LF or NUL (which would end the field or the message) and no
     * DEL. Characters above ASCII ({@code obs-text}, and beyond Latin-1, which the host encodes)
     * are allowed.
     */
    public static boolean isValidValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns these headers after checking that every name and value is one RFC 9110 allows ({@link
     * #isValidName}, {@link #isValidValue}); throws {@link IllegalArgumentException} naming the
     * first header that is not. A {@link Response} holds only checked headers, so that no host can
     * be made to split a response; request headers are kept as sent and answered by the gateway
     * (reference 9.5).
     */
    public Headers requireValid() {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            requireValid(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /** Throws {@link IllegalArgumentException} unless the field is one RFC 9110 allows. */
    static void requireValid(String name, String value) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException(
                    "header name is not an RFC 9110 token: " + printable(name));
        }
        if (!isValidValue(value)) {
            throw new IllegalArgumentException(
                    "value of header " + name + " has a control character: " + printable(value));
        }
    }

    /** Returns text with control characters escaped, for messages. */
    private static String printable(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }

    private int indexOf(String name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && Arrays.equals(namesAndValues, h.namesAndValues);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(namesAndValues);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        forEach((n, v) -> s.append(s.length() > 1 ? ", " : "").append(n).append('=').append(v));
        return s.append('}').toString();
    }

    /** Builds {@link Headers}; names and values are any strings, checked by the pipeline. */
    public static final class Builder {
        private final List<String> namesAndValues = new ArrayList<>();

        private Builder() {}

        /** Adds a field after the others. */
        public Builder add(String name, String value) {
            namesAndValues.add(Objects.requireNonNull(name, "header name"));
            namesAndValues.add(Objects.requireNonNull(value, () -> "value of header " + name));
            return this;
        }

        /** Adds every field of {@code headers}. */
        public Builder addAll(Headers headers) {
            namesAndValues.addAll(Arrays.asList(headers.namesAndValues));
            return this;
        }

        /** Replaces every field of this name (any casing) with one field. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /** Removes every field of this name, in any casing. */
        public Builder remove(String name) {
            for (int i = namesAndValues.size() - 2; i >= 0; i -= 2) {
                if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                    namesAndValues.remove(i + 1);
                    namesAndValues.remove(i);
                }
            }
            return this;
        }

        /** Returns whether a field of this name was added, in any casing. */
        public boolean contains(String name) {
            for (int i = 0; i < namesAndValues.size(); i += 2) {
                if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        /** Builds the headers. */
        public Headers build() {
            return namesAndValues.isEmpty()
                    ? EMPTY
                    : new Headers(namesAndValues.toArray(new String[0]));
        }
    }
}
