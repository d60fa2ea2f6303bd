package dev.apigw.runtime.mapping;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One map of {@code $context.requestOverride} or {@code $context.responseOverride} (reference 1.6):
 * every form of assignment ({@code #set($m.k = v)}, {@code #set($m[k] = v)}, {@code $m.put(k, v)})
 * goes through {@link #put}, and each name may be set once: a second set throws, which fails the
 * template (API Gateway answers 5XX). Entries cannot be removed. Header names are compared ignoring
 * case (our choice).
 */
public final class OverrideMap extends AbstractMap<String, Object> {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final boolean headers;

    private OverrideMap(boolean headers) {
        this.headers = headers;
    }

    static OverrideMap ofHeaders() {
        return new OverrideMap(true);
    }

    static OverrideMap ofNames() {
        return new OverrideMap(false);
    }

    /**
     * Sets an override; throws {@link IllegalStateException} when {@code name} was set before.
     * Returns null, so that a bare {@code $m.put(k, v)} renders as nothing.
     */
    @Override
    public Object put(String name, Object value) {
        if (name == null) {
            throw new IllegalArgumentException("an override needs a name");
        }
        if (isSet(name)) {
            throw new IllegalStateException(
                    "Override for '"
                            + name
                            + "' was already set: each parameter may be overridden once");
        }
        values.put(name, value);
        return null;
    }

    private boolean isSet(String name) {
        if (!headers) {
            return values.containsKey(name);
        }
        for (String existing : values.keySet()) {
            if (existing.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the overrides set so far, in order; read-only. */
    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(values).entrySet();
    }

    @Override
    public Object get(Object name) {
        return values.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return values.containsKey(name);
    }

    /** Sets an entry that the template did not set (the nested maps); package-private. */
    void preset(String name, Object value) {
        values.put(name, value);
    }
}
