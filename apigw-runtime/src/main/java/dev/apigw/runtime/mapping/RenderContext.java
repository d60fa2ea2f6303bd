package dev.apigw.runtime.mapping;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.util.introspection.IntrospectionCacheData;

/**
 * The Velocity context of one rendering. Its variables, and those a template sets, go into the
 * backing map as they are ({@code VelocityContext.put} interns every key: a lookup in the JVM's
 * string table per {@code #set}). It keeps Velocity's introspection cache (which method or map
 * lookup a reference node resolved to, for which class) in a cache its template shares across
 * renderings: Velocity keeps that cache per context, so every rendering would otherwise look up
 * every {@code $a.b} and {@code $a.b()} by reflection again. Velocity checks the class of every
 * cached entry before using it, and the cached executors are immutable, so one cache serves
 * concurrent renderings. Every variable read and write counts one step of the rendering's {@link
 * RenderBudget}.
 */
final class RenderContext extends VelocityContext {
    /** Velocity's introspection cache of one template; thread-safe. */
    static final class Introspection {
        private final Map<Object, IntrospectionCacheData> entries = new ConcurrentHashMap<>();
    }

    private static final long serialVersionUID = 1L;

    private final transient Introspection introspection;
    private final transient RenderBudget budget;

    private RenderContext(
            Map<String, Object> variables, Introspection introspection, RenderBudget budget) {
        super(variables);
        this.introspection = introspection;
        this.budget = budget;
    }

    /** Returns a context holding these variables and reading the template's cache. */
    static RenderContext of(
            Introspection introspection,
            Input input,
            TemplateContext context,
            Map<String, String> stageVariables,
            RenderReport report,
            RenderBudget budget) {
        Map<String, Object> variables = new HashMap<>(16); // room for a few #set and #foreach
        variables.put("input", input);
        variables.put("context", context);
        variables.put("stageVariables", stageVariables);
        variables.put("util", Util.INSTANCE);
        variables.put(RenderReport.KEY, report);
        variables.put(RenderBudget.KEY, budget);
        return new RenderContext(variables, introspection, budget);
    }

    /** Returns the budget of this rendering. */
    RenderBudget budget() {
        return budget;
    }

    @Override
    public Object put(String key, Object value) {
        return key == null ? null : internalPut(key, value);
    }

    @Override
    public Object internalGet(String key) {
        budget.tick();
        return super.internalGet(key);
    }

    @Override
    public Object internalPut(String key, Object value) {
        budget.tick();
        return super.internalPut(key, value);
    }

    @Override
    public IntrospectionCacheData icacheGet(Object key) {
        return introspection.entries.get(key);
    }

    @Override
    public void icachePut(Object key, IntrospectionCacheData value) {
        if (value == null) {
            introspection.entries.remove(key); // Velocity forgets a node's entry this way
        } else {
            introspection.entries.put(key, value);
        }
    }
}
