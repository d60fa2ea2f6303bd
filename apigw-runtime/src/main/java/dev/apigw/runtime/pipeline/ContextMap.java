package dev.apigw.runtime.pipeline;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code $context} of a mapping template (reference 1.2), read lazily: a variable is computed when
 * a template reads it, so a request pays only for the variables its templates use. Only iterating
 * it ({@code $context.keySet()}) builds every value. Read-only; one per template render.
 */
final class ContextMap extends AbstractMap<String, Object> {
    private final Exchange exchange;
    private Map<String, Object> identity;

    ContextMap(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        if (key.equals("identity")) {
            if (identity == null) {
                identity = ContextVariables.identity(exchange);
            }
            return identity;
        }
        return ContextVariables.get(exchange, (String) key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return ContextVariables.asMap(exchange).entrySet();
    }
}
