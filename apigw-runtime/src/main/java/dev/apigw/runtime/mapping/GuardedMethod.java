package dev.apigw.runtime.mapping;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.velocity.util.introspection.VelMethod;

/**
 * A method a template may call, with its {@link Guard}: a check of the size of what the call would
 * build, or another way to run it (issue 9 part 3). Immutable: Velocity caches it per template and
 * call site.
 */
final class GuardedMethod implements VelMethod {
    /** Runs one call of {@code method} with its checks. */
    @FunctionalInterface
    interface Guard {
        Object invoke(VelMethod method, Object receiver, Object[] args)
                throws IllegalAccessException, InvocationTargetException;
    }

    private final VelMethod method;
    private final Guard guard;

    GuardedMethod(VelMethod method, Guard guard) {
        this.method = method;
        this.guard = guard;
    }

    @Override
    public Object invoke(Object receiver, Object[] args)
            throws IllegalAccessException, InvocationTargetException {
        return guard.invoke(method, receiver, args);
    }

    @Override
    public boolean isCacheable() {
        return method.isCacheable();
    }

    @Override
    public String getMethodName() {
        return method.getMethodName();
    }

    @Override
    public Method getMethod() {
        return method.getMethod();
    }

    @Override
    public Class<?> getReturnType() {
        return method.getReturnType();
    }
}
