package dev.apigw.runtime.mapping;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code $context} as one template sees it: the request's variables, {@code requestOverride} and
 * {@code responseOverride} of the request (reference 1.6), and whatever the template sets on {@code
 * $context} itself, which lives for this render only. The request's map-valued entries print as
 * empty text ({@link ContextEntryMap}, reference 1.2).
 */
final class TemplateContext extends AbstractMap<String, Object> {
    private final Map<String, Object> variables;
    private final Overrides overrides;
    private Map<String, Object> local;
    private Map<Object, Object> entries;

    TemplateContext(Map<String, Object> variables, Overrides overrides) {
        this.variables = variables;
        this.overrides = overrides;
    }

    @Override
    public Object get(Object key) {
        if (local != null && local.containsKey(key)) {
            return local.get(key);
        }
        if ("requestOverride".equals(key)) {
            return entry(key, overrides.requestOverride());
        }
        if ("responseOverride".equals(key)) {
            return entry(key, overrides.responseOverride());
        }
        return entry(key, variables.get(key));
    }

    @SuppressWarnings("unchecked")
    private Object entry(Object key, Object value) {
        if (!(value instanceof Map)) {
            return value;
        }
        if (entries == null) {
            entries = new HashMap<>(4);
        }
        return entries.computeIfAbsent(key, k -> new ContextEntryMap((Map<String, Object>) value));
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Object put(String key, Object value) {
        if (local == null) {
            local = new HashMap<>();
        }
        Object previous = get(key);
        local.put(key, value);
        return previous;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(variables);
        all.put("requestOverride", overrides.requestOverride());
        all.put("responseOverride", overrides.responseOverride());
        all.replaceAll(this::entry);
        if (local != null) {
            all.putAll(local);
        }
        return all.entrySet();
    }
}
