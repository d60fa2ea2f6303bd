package dev.apigw.runtime.mapping;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A map-valued entry of {@code $context} ({@code identity}, {@code requestOverride}, {@code
 * responseOverride}) as a template sees it: its keys, paths and {@code put} work as usual, but
 * printed it is empty text, as AWS prints {@code $context.get('identity')} (reference 1.2, added),
 * not {@code {k=v, ...}}.
 */
final class ContextEntryMap extends AbstractMap<String, Object> {
    private final Map<String, Object> entry;

    ContextEntryMap(Map<String, Object> entry) {
        this.entry = entry;
    }

    @Override
    public Object get(Object key) {
        return entry.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entry.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        return entry.put(key, value);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return entry.entrySet();
    }

    @Override
    public String toString() {
        return "";
    }
}
