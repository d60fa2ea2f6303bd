package dev.apigw.runtime.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened while one template rendered that the execution trace should show (a {@code
 * #foreach} cut at its limit), and how much text references inserted. Kept in the Velocity context
 * under a key no template can name. Belongs to one rendering: not thread-safe.
 */
final class RenderReport {
    /** The context key: not a VTL identifier, so {@code $...} cannot reach it. */
    static final String KEY = "apigw:report";

    private final List<String> notes = new ArrayList<>(0);
    private long inserted;

    void note(String line) {
        notes.add(line);
    }

    List<String> notes() {
        return notes;
    }

    /** Counts inserted characters; returns the running total. */
    long insert(int length) {
        inserted += length;
        return inserted;
    }
}
