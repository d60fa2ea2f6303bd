package dev.apigw.runtime.httpapi;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.runtime.integration.ProxyEventHeaders;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code headers} of a payload format 2.0 event (reference 2.4): the REST event's headers
 * ({@link ProxyEventHeaders}: the same hidden and added ones) under lower-cased names, sorted, the
 * values of a repeated name comma-joined in the order sent, without {@code cookie} (the event has
 * {@code cookies}) and with {@code content-length} as sent. Kept as one flat array of names and
 * values, sorted in place: a request has a handful of headers, and no map is built for them.
 */
final class EventHeaders implements ProxyEventHeaders.Sink {
    private String[] pairs = new String[32];
    private int size;

    private EventHeaders() {}

    /** Collects the headers of the exchange's event. */
    static EventHeaders of(Exchange exchange) {
        EventHeaders headers = new EventHeaders();
        ProxyEventHeaders.forEach(exchange, false, headers);
        exchange.request()
                .headers()
                .first("Content-Length")
                .ifPresent(length -> headers.put("content-length", length));
        headers.sort();
        return headers;
    }

    @Override
    public void add(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals("cookie")) {
            put(lower, value);
        }
    }

    private void put(String name, String value) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
        }
        pairs[size++] = name;
        pairs[size++] = value;
    }

    /** Sorts by name, keeping the order of a name's values (an insertion sort: a stable one). */
    private void sort() {
        for (int i = 2; i < size; i += 2) {
            String name = pairs[i];
            String value = pairs[i + 1];
            int j = i - 2;
            while (j >= 0 && pairs[j].compareTo(name) > 0) {
                pairs[j + 2] = pairs[j];
                pairs[j + 3] = pairs[j + 1];
                j -= 2;
            }
            pairs[j + 2] = name;
            pairs[j + 3] = value;
        }
    }

    /** Writes each name once, with its values comma-joined. */
    void write(JsonGenerator g) throws IOException {
        int i = 0;
        while (i < size) {
            String name = pairs[i];
            String value = pairs[i + 1];
            i += 2;
            if (i < size && pairs[i].equals(name)) {
                StringBuilder joined = new StringBuilder(value);
                for (; i < size && pairs[i].equals(name); i += 2) {
                    joined.append(',').append(pairs[i + 1]);
                }
                value = joined.toString();
            }
            g.writeFieldName(name);
            g.writeString(value);
        }
    }
}
