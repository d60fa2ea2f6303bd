package dev.apigw.runtime.routing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Matches a request path (after the stage) and HTTP method to a resource method, as API Gateway
 * routes REST APIs (reference section 7.1):
 *
 * <ul>
 *   <li>per segment, a literal child before the variable child before the greedy child;
 *   <li>a branch that cannot serve the request (no such path below, or no such method and no {@code
 *       ANY}) falls back to the next kind, so {@code /{proxy+}} serves what a literal sibling
 *       cannot;
 *   <li>an exact method before {@code ANY}; {@code HEAD} is not served by {@code GET};
 *   <li>empty segments (doubled or trailing slashes) are skipped; a greedy value keeps inner
 *       doubled slashes and drops trailing ones; nothing is decoded;
 *   <li>{@code /{proxy+}} does not match {@code /} itself.
 * </ul>
 *
 * <p>The cost of a match depends on the path's depth, not on the number of resources. Immutable and
 * thread-safe once built.
 *
 * @param <T> what each resource method is mapped to
 */
public final class RouteMatcher<T> {
    private static final String ANY = "ANY";

    private final Node<T> root;

    private RouteMatcher(Node<T> root) {
        this.root = root;
    }

    /** Returns a new builder. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Returns the match for an HTTP method and a raw path such as {@code /pets/1}. */
    public Optional<RouteMatch<T>> match(String httpMethod, String path) {
        return match(httpMethod, path, true);
    }

    /**
     * Returns the match for an HTTP method and a raw path as HTTP APIs route (reference 7.2): a
     * full match of method and path, with or without {@code {name}} variables, before any match
     * through a greedy variable, wherever the greedy variable sits.
     */
    public Optional<RouteMatch<T>> matchFullBeforeGreedy(String httpMethod, String path) {
        Optional<RouteMatch<T>> full = match(httpMethod, path, false);
        return full.isPresent() ? full : match(httpMethod, path, true);
    }

    private Optional<RouteMatch<T>> match(String httpMethod, String path, boolean greedy) {
        int[] bounds = segments(path);
        int count = bounds[0];
        String[] values = new String[count + 1];
        Node<?>[] bound = new Node<?>[count + 1];
        Found<T> found = find(root, httpMethod, path, bounds, 0, count, values, bound, 0, greedy);
        if (found == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < found.depth; i++) {
            parameters.put(bound[i].parameterName, values[i]);
        }
        return Optional.of(new RouteMatch<>(found.target, parameters));
    }

    /** Returns {count, start0, end0, start1, end1, …} of the non-empty segments. */
    private static int[] segments(String path) {
        int[] bounds = new int[path.length() + 2];
        int count = 0;
        int i = 0;
        int n = path.length();
        while (i < n) {
            while (i < n && path.charAt(i) == '/') {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && path.charAt(i) != '/') {
                i++;
            }
            bounds[1 + 2 * count] = start;
            bounds[2 + 2 * count] = i;
            count++;
        }
        bounds[0] = count;
        return bounds;
    }

    private static <T> Found<T> find(
            Node<T> node,
            String method,
            String path,
            int[] bounds,
            int index,
            int count,
            String[] values,
            Node<?>[] bound,
            int depth,
            boolean greedy) {
        if (index == count) {
            T target = node.target(method);
            return target == null ? null : new Found<>(target, depth);
        }
        int start = bounds[1 + 2 * index];
        int end = bounds[2 + 2 * index];
        if (!node.literals.isEmpty()) {
            Node<T> literal = node.literals.get(path.substring(start, end));
            if (literal != null) {
                Found<T> found =
                        find(
                                literal, method, path, bounds, index + 1, count, values, bound,
                                depth, greedy);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.variable != null) {
            values[depth] = path.substring(start, end);
            bound[depth] = node.variable;
            Found<T> found =
                    find(
                            node.variable,
                            method,
                            path,
                            bounds,
                            index + 1,
                            count,
                            values,
                            bound,
                            depth + 1,
                            greedy);
            if (found != null) {
                return found;
            }
        }
        if (greedy && node.greedy != null) {
            T target = node.greedy.target(method);
            if (target != null) {
                values[depth] = path.substring(start, bounds[2 * count]);
                bound[depth] = node.greedy;
                return new Found<>(target, depth + 1);
            }
        }
        return null;
    }

    private static final class Found<T> {
        final T target;
        final int depth;

        Found(T target, int depth) {
            this.target = target;
            this.depth = depth;
        }
    }

    private static final class Node<T> {
        final Map<String, Node<T>> literals = new HashMap<>();
        final Map<String, T> methods = new HashMap<>();
        final String parameterName;
        Node<T> variable;
        Node<T> greedy;

        Node(String parameterName) {
            this.parameterName = parameterName;
        }

        T target(String method) {
            T target = methods.get(method);
            return target != null ? target : methods.get(ANY);
        }

        /** Returns a deep copy, so a builder used again cannot change a built matcher. */
        Node<T> copy() {
            Node<T> copy = new Node<>(parameterName);
            literals.forEach((part, child) -> copy.literals.put(part, child.copy()));
            copy.methods.putAll(methods);
            copy.variable = variable == null ? null : variable.copy();
            copy.greedy = greedy == null ? null : greedy.copy();
            return copy;
        }
    }

    /**
     * Builds a {@link RouteMatcher} from resource paths such as {@code /pets/{id}} (validated by
     * the model: whole-segment variables, one variable child per parent).
     *
     * @param <T> what each resource method is mapped to
     */
    public static final class Builder<T> {
        private final Node<T> root = new Node<>(null);

        private Builder() {}

        /** Maps a resource path and HTTP method ({@code ANY} included) to a target. */
        public Builder<T> add(String resourcePath, String httpMethod, T target) {
            Objects.requireNonNull(target);
            Node<T> node = root;
            for (String part : resourcePath.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                node = child(node, part, resourcePath);
            }
            node.methods.put(httpMethod, target);
            return this;
        }

        private Node<T> child(Node<T> node, String part, String resourcePath) {
            if (part.startsWith("{") && part.endsWith("+}")) {
                String name = part.substring(1, part.length() - 2);
                if (node.greedy == null) {
                    node.greedy = new Node<>(name);
                }
                return checked(node.greedy, name, resourcePath);
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                if (node.variable == null) {
                    node.variable = new Node<>(name);
                }
                return checked(node.variable, name, resourcePath);
            }
            return node.literals.computeIfAbsent(part, p -> new Node<>(null));
        }

        private static <T> Node<T> checked(Node<T> node, String name, String resourcePath) {
            if (!node.parameterName.equals(name)) {
                throw new IllegalArgumentException(
                        resourcePath
                                + ": a sibling ({"
                                + node.parameterName
                                + "}) already has a variable path part");
            }
            return node;
        }

        /** Builds the matcher. */
        public RouteMatcher<T> build() {
            return new RouteMatcher<>(root.copy());
        }
    }
}
