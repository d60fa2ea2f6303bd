package dev.apigw.runtime.mapping;

import java.lang.reflect.Method;
import java.util.Map;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * How a template's {@code $a.b} and {@code $a.m(...)} resolve (issue 9 part 3): Velocity's {@link
 * SecureUberspector} (no {@code Class}, {@code ClassLoader}, {@code Runtime}, {@code System},
 * reflection) narrowed to the allowed surface of {@link TemplateSurface}, and every method that can
 * grow a value or run long wrapped in its check ({@link MethodGuards}). {@code $map.class} reads
 * the key {@code class} of a map, never its Java class. Only maps take {@code #set($a.b = v)},
 * within the collection limit. Public only because Velocity instantiates it by class name.
 */
public final class SandboxUberspector extends SecureUberspector {
    private MethodGuards guards;

    /** Creates the uberspector; Velocity calls {@link #init()}. */
    public SandboxUberspector() {}

    @Override
    public void init() {
        super.init();
        Object limits = rsvc.getApplicationAttribute(TemplateLimits.ATTRIBUTE);
        guards =
                new MethodGuards(
                        new BoundedRegex(
                                limits instanceof TemplateLimits
                                        ? (TemplateLimits) limits
                                        : TemplateEngine.defaultLimits()));
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) {
        VelMethod method = super.getMethod(obj, methodName, args, info);
        Method java = method == null ? null : method.getMethod();
        if (java == null || !TemplateSurface.allows(obj, java, args)) {
            return null;
        }
        GuardedMethod.Guard guard = guards.of(obj, java);
        return guard == null ? method : new GuardedMethod(method, guard);
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) {
        VelPropertyGet get = super.getPropertyGet(obj, identifier, info);
        if (get == null || TemplateSurface.allowsGetter(obj, get.getMethodName())) {
            return get;
        }
        return obj instanceof Map ? new MapKeyGet(identifier) : null;
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info info) {
        if (!(obj instanceof Map)) {
            return null;
        }
        VelPropertySet set = super.getPropertySet(obj, identifier, arg, info);
        return set == null ? null : new BoundedPut(set, identifier);
    }

    /** {@code $map.key} for a key that names a refused getter ({@code class}). */
    private static final class MapKeyGet implements VelPropertyGet {
        private final String key;

        MapKeyGet(String key) {
            this.key = key;
        }

        @Override
        public Object invoke(Object o) {
            return ((Map<?, ?>) o).get(key);
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return "get";
        }
    }

    /** {@code #set($map.key = v)} within the collection limit. */
    private static final class BoundedPut implements VelPropertySet {
        private final VelPropertySet set;
        private final String key;

        BoundedPut(VelPropertySet set, String key) {
            this.set = set;
            this.key = key;
        }

        @Override
        public Object invoke(Object o, Object value) throws Exception {
            Map<?, ?> map = (Map<?, ?>) o;
            if (!map.containsKey(key)) {
                Sizes.checkElements(map.size() + 1L, "#set");
            }
            return set.invoke(o, value);
        }

        @Override
        public boolean isCacheable() {
            return set.isCacheable();
        }

        @Override
        public String getMethodName() {
            return set.getMethodName();
        }
    }
}
