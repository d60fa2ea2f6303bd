package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the input type a handler class declares for {@code RequestHandler<I, O>}, as the Lambda
 * Java runtime reads it to pick the payload's deserializer: through superclasses and
 * sub-interfaces, following type variables bound on the way.
 */
final class RequestHandlerTypes {
    private RequestHandlerTypes() {}

    /**
     * Returns the class of the first type argument of {@code RequestHandler<I, O>} as the class
     * declares it; {@code Object} when it stays a type variable (the handler then gets the parsed
     * JSON).
     */
    static Class<?> inputType(Class<?> handlerClass) {
        Type found = find(handlerClass, new HashMap<>());
        return found == null ? Object.class : raw(found);
    }

    private static Type find(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] params = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            Map<TypeVariable<?>, Type> inner = new HashMap<>(bindings);
            for (int i = 0; i < params.length; i++) {
                inner.put(params[i], bindings.getOrDefault(args[i], args[i]));
            }
            if (raw == RequestHandler.class) {
                return inner.get(params[0]);
            }
            bindings = inner;
        } else if (type instanceof Class<?>) {
            raw = (Class<?>) type;
        } else {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type found = find(parent, bindings);
            if (found != null) {
                return found;
            }
        }
        return raw.getGenericSuperclass() == null
                ? null
                : find(raw.getGenericSuperclass(), bindings);
    }

    /** The class of a type: itself, the raw type of a parameterized one, else {@code Object}. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?>) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) type).getRawType();
        }
        return Object.class;
    }
}
