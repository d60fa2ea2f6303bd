package dev.apigw.runtime.pipeline;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code $context} of a mapping template (reference 1.2), read lazily: a variable is computed when
 * a template reads it, so a request pays only for the variables its templates use. Only iterating
 * it ({@code $context.keySet()}) builds every value. Read-only; one per template render.
 */
public final class ContextMap extends AbstractMap<String, Object> {
    private final ContextVariables variables;
    private final Exchange exchange;
    private Map<String, Map<String, Object>> groups;

    public ContextMap(Exchange exchange) {
        this(exchange.state().contextVariables(), exchange);
    }

    ContextMap(ContextVariables variables, Exchange exchange) {
        this.variables = variables;
        this.exchange = exchange;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        String name = (String) key;
        if (variables.isGroup(name)) {
            if (groups == null) {
                groups = new HashMap<>(4);
            }
            return groups.computeIfAbsent(name, g -> variables.group(exchange, g));
        }
        return variables.value(exchange, name);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return variables.map(exchange).entrySet();
    }
}
