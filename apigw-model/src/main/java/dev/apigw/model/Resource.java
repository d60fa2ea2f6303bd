package dev.apigw.model;

import dev.apigw.model.template.StableIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A resource of a REST API: a path such as {@code /pets/{petId}} and its methods. Each path part is
 * a literal ({@code pets}), a variable ({@code {petId}}) or a greedy variable ({@code {proxy+}}),
 * always a whole segment (reference section 7.1).
 */
public final class Resource {
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z0-9._$-]+\\+?}");
    private static final Pattern LITERAL = Pattern.compile("[^/{}\\s?#]+");

    private final String path;
    private final String id;
    private final Map<String, Method> methods;

    private Resource(Builder b) {
        this.path = checkPath(b.path);
        this.id = b.id != null ? b.id : StableIds.of(path, 6);
        this.methods = Copies.orderedMap(b.methods);
    }

    static String checkPath(String path) {
        Checks.requireText(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' must start with /");
        }
        if (path.equals("/")) {
            return path;
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' must not end with /");
        }
        for (String part : path.substring(1).split("/", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("path '" + path + "' has an empty path part");
            }
            boolean variable = part.startsWith("{") || part.endsWith("}");
            if (variable ? !VARIABLE.matcher(part).matches() : !LITERAL.matcher(part).matches()) {
                throw new IllegalArgumentException(
                        "path '"
                                + path
                                + "' has an invalid path part '"
                                + part
                                + "': a part is a literal, {name} or {name+}, a whole segment");
            }
        }
        return path;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this resource's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with the changes the consumer makes. */
    public Resource copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the full path, e.g. {@code /pets/{petId}}; {@code /} for the root. */
    public String path() {
        return path;
    }

    /** Returns the resource id ({@code $context.resourceId}). */
    public String id() {
        return id;
    }

    /** Returns the last path part; empty for the root. */
    public String pathPart() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Returns the path of the parent resource; absent for the root. */
    public Optional<String> parentPath() {
        if (path.equals("/")) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        return Optional.of(slash == 0 ? "/" : path.substring(0, slash));
    }

    /** Returns the methods keyed by HTTP method, in definition order. */
    public Map<String, Method> methods() {
        return methods;
    }

    /** Returns the method for an HTTP method ({@code ANY} included), if defined. */
    public Optional<Method> method(String httpMethod) {
        return Optional.ofNullable(methods.get(httpMethod));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resource r
                && path.equals(r.path)
                && id.equals(r.id)
                && methods.equals(r.methods);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, id, methods);
    }

    @Override
    public String toString() {
        return "Resource[" + path + " " + methods.keySet() + "]";
    }

    /** Builds a {@link Resource}. */
    public static final class Builder {
        private String path;
        private String id;
        private Map<String, Method> methods = new LinkedHashMap<>();

        private Builder() {}

        private Builder(Resource r) {
            path = r.path;
            id = r.id;
            methods = new LinkedHashMap<>(r.methods);
        }

        /** Sets the full path. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Sets the resource id (by default derived from the path). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Replaces the methods. */
        public Builder methods(Map<String, Method> methods) {
            this.methods = new LinkedHashMap<>(methods);
            return this;
        }

        /** Adds a method, keyed by its HTTP method. */
        public Builder method(Method method) {
            methods.put(method.httpMethod(), method);
            return this;
        }

        /** Builds and adds a method; a failure names the path and the method. */
        public Builder method(String httpMethod, Consumer<Method.Builder> spec) {
            try {
                Method.Builder b = Method.builder().httpMethod(httpMethod);
                spec.accept(b);
                return method(b.build());
            } catch (IllegalArgumentException e) {
                throw Checks.at((path == null ? "" : path + " ") + httpMethod, e);
            }
        }

        /** Validates and builds. */
        public Resource build() {
            return new Resource(this);
        }
    }
}
