package dev.apigw.samples.localserver;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The warnings the local server prints when it starts, collected from every source in one place
 * (functions no {@code --lambda} binds, and whatever else a definition gets wrong without stopping
 * it from being served), one line each, in the order added.
 */
final class StartupWarnings {
    private final List<String> lines = new ArrayList<>();

    /** Adds the warnings of one source. */
    StartupWarnings addAll(Collection<String> warnings) {
        lines.addAll(warnings);
        return this;
    }

    /** Returns the warnings in the order added. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Prints each warning on one line, {@code apigw-local: warning: TEXT}. */
    void print(PrintStream out) {
        for (String line : lines) {
            out.println("apigw-local: warning: " + line);
        }
    }
}
