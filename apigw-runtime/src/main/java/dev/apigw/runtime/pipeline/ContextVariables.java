package dev.apigw.runtime.pipeline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code $context} variables (reference section 1.2): a registry from a variable's path ({@code
 * requestId}, {@code identity.sourceIp}) to a small function of the exchange, built once and read
 * by mapping templates, parameter mappings, gateway responses and the Lambda proxy event. A feature
 * registers its variables where it lives ({@code ApiKeyStep.contextVariables} adds {@code
 * identity.apiKey} and {@code identity.apiKeyId}); {@code Pipeline} assembles the REST pipeline's
 * registry from the request's own variables ({@link #requestVariables}) and each feature's. A
 * variable is computed when it is read, and a read is one map lookup: nothing is parsed per
 * request. A path with a dot belongs to the group its first segment names ({@code identity}), which
 * templates see as a nested map. Immutable and thread-safe. Internal.
 */
public final class ContextVariables {
    /** {@code $context.protocol}: API Gateway always reports HTTP/1.1. */
    public static final String PROTOCOL = "HTTP/1.1";

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    /** Computes one variable for one exchange. */
    @FunctionalInterface
    public interface Variable {
        /** Returns the variable's value for an exchange, or null when it is unset. */
        String value(Exchange exchange);
    }

    /**
     * Computes a group of variables whose names depend on the request ({@code authorizer}: the keys
     * a Lambda authorizer returned).
     */
    @FunctionalInterface
    public interface DynamicGroup {
        /** Returns the group as a (possibly nested) map for an exchange, or null when absent. */
        Map<String, Object> map(Exchange exchange);
    }

    private final Map<String, Variable> variables;
    private final Map<String, DynamicGroup> dynamicGroups;

    /**
     * The variables of each constant array of paths, by the array's identity ({@link #resolve}).
     */
    private final Map<String[], Variable[]> resolved = new ConcurrentHashMap<>();

    private final List<String> paths;
    private final String[] topLevel;
    private final Map<String, Group> groups;

    /** The variables under one first segment, in the order they were registered. */
    private record Group(String[] fields, Variable[] variables) {}

    private ContextVariables(
            Map<String, Variable> registered, Map<String, DynamicGroup> dynamicGroups) {
        this.variables = Map.copyOf(registered);
        this.dynamicGroups = Map.copyOf(dynamicGroups);
        this.paths = List.copyOf(registered.keySet());
        List<String> top = new ArrayList<>();
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (String name : registered.keySet()) {
            int dot = name.indexOf('.');
            if (dot < 0) {
                top.add(name);
            } else {
                grouped.computeIfAbsent(name.substring(0, dot), g -> new ArrayList<>()).add(name);
            }
        }
        for (String name : dynamicGroups.keySet()) {
            if (registered.containsKey(name) || grouped.containsKey(name)) {
                throw new IllegalArgumentException(
                        "$context." + name + " is a dynamic group and a variable or group");
            }
        }
        for (String name : top) {
            if (grouped.containsKey(name)) {
                throw new IllegalArgumentException(
                        "$context." + name + " is both a variable and a group");
            }
        }
        this.topLevel = top.toArray(new String[0]);
        Map<String, Group> built = new HashMap<>();
        grouped.forEach(
                (group, names) -> {
                    String[] fields = new String[names.size()];
                    Variable[] values = new Variable[names.size()];
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = names.get(i).substring(group.length() + 1);
                        values[i] = registered.get(names.get(i));
                    }
                    built.put(group, new Group(fields, values));
                });
        this.groups = Map.copyOf(built);
    }

    /** Returns a builder of a registry. */
    public static Builder builder() {
        return new Builder();
    }

    /** Registers variables, each under a path of its own; builds an immutable registry. */
    public static final class Builder {
        private final Map<String, Variable> variables = new LinkedHashMap<>();
        private final Map<String, DynamicGroup> dynamicGroups = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Registers a variable under its path; fails with {@link IllegalArgumentException} on a
         * path already registered, or one that is empty or has an empty segment.
         */
        public Builder register(String path, Variable variable) {
            Objects.requireNonNull(variable, "variable");
            if (path.isEmpty()
                    || path.startsWith(".")
                    || path.endsWith(".")
                    || path.contains("..")) {
                throw new IllegalArgumentException("invalid $context variable path: " + path);
            }
            if (variables.putIfAbsent(path, variable) != null) {
                throw new IllegalArgumentException("$context." + path + " is registered twice");
            }
            return this;
        }

        /**
         * Registers a group whose variables depend on the request ({@code authorizer}): {@code
         * $context.<name>.<key>} reads {@code key} of the group's map, a dotted key walking into
         * nested maps ({@code authorizer.claims.sub}); fails on a name already registered.
         */
        public Builder registerDynamicGroup(String name, DynamicGroup group) {
            Objects.requireNonNull(group, "group");
            if (name.isEmpty() || name.contains(".")) {
                throw new IllegalArgumentException("invalid $context group name: " + name);
            }
            if (dynamicGroups.putIfAbsent(name, group) != null) {
                throw new IllegalArgumentException("$context." + name + " is registered twice");
            }
            return this;
        }

        /**
         * Registers the variables a feature contributes, e.g. {@code ApiKeyStep::contextVariables}.
         */
        public Builder registerAll(Consumer<Builder> feature) {
            feature.accept(this);
            return this;
        }

        /**
         * Returns the registry of the variables registered so far; fails with {@link
         * IllegalArgumentException} when a path is both a variable and a group ({@code a}, {@code
         * a.b}).
         */
        public ContextVariables build() {
            return new ContextVariables(variables, dynamicGroups);
        }
    }

    /**
     * Registers the variables every request has (reference 1.2): the account, API, deployment,
     * stage (and whether its canary serves the request) and resource, the request's id, time,
     * method, path and domain, and its caller's source IP and user agent; the IAM caller's access
     * key, account, caller, user and user ARN once its signature verified (reference 8.7). The
     * identity fields nothing fills yet (Cognito identity pools, the organization) are registered
     * unset: they print as null, as on AWS without them.
     */
    public static void requestVariables(Builder variables) {
        variables
                .register("accountId", e -> e.gateway().accountId())
                .register("apiId", e -> e.state().apiId())
                .register(
                        "deploymentId",
                        e ->
                                e.resolvedStage()
                                        .map(s -> s.deployment().deployment().id())
                                        .orElse(null))
                .register("domainName", ContextVariables::domainName)
                .register("domainPrefix", ContextVariables::domainPrefix)
                .register("extendedRequestId", Exchange::extendedRequestId)
                .register("requestId", Exchange::requestId)
                .register("httpMethod", e -> e.request().httpMethod())
                .register("isCanaryRequest", ContextVariables::isCanaryRequest)
                .register("path", ContextVariables::requestPath)
                .register("protocol", e -> PROTOCOL)
                .register("requestTime", e -> requestTime(e.requestTime()))
                .register("requestTimeEpoch", e -> Long.toString(e.requestTime().toEpochMilli()))
                .register(
                        "resourceId",
                        e ->
                                e.matchedRoute()
                                        .map(r -> ((CompiledMethod) r.target()).resource().id())
                                        .orElse(null))
                .register(
                        "resourcePath",
                        e ->
                                e.matchedRoute()
                                        .map(r -> ((CompiledMethod) r.target()).resource().path())
                                        .orElse(null))
                .register(
                        "stage",
                        e -> e.resolvedStage().map(s -> s.stage().stageName()).orElse(null))
                .register("identity.cognitoIdentityPoolId", ContextVariables::unset)
                .register("identity.accountId", e -> iam(e, IamIdentity::accountId))
                .register("identity.cognitoIdentityId", ContextVariables::unset)
                .register("identity.caller", e -> iam(e, IamIdentity::caller))
                .register("identity.sourceIp", e -> e.request().sourceIp())
                .register("identity.principalOrgId", ContextVariables::unset)
                .register("identity.accessKey", e -> iam(e, IamIdentity::accessKey))
                .register("identity.cognitoAuthenticationType", ContextVariables::unset)
                .register("identity.cognitoAuthenticationProvider", ContextVariables::unset)
                .register("identity.userArn", e -> iam(e, IamIdentity::userArn))
                .register(
                        "identity.userAgent",
                        e -> e.request().headers().first("User-Agent").orElse(null))
                .register("identity.user", e -> iam(e, IamIdentity::user));
    }

    /**
     * Returns {@code $context.isCanaryRequest} (reference 1.2, 9.2): {@code true} on a request the
     * stage's canary serves, {@code false} on one its own deployment serves; unset (null, and so
     * not among the keys of {@code $context.keySet()}) on a stage without a canary.
     */
    private static String isCanaryRequest(Exchange e) {
        return e.resolvedStage()
                .filter(s -> s.stage().canarySettings().isPresent())
                .map(s -> s.canary() ? "true" : "false")
                .orElse(null);
    }

    private static String iam(Exchange e, Function<IamIdentity, String> field) {
        return e.caller().iamIdentity().map(field).orElse(null);
    }

    private static String unset(Exchange exchange) {
        return null;
    }

    /** Returns every registered path, in the order registered. */
    public List<String> paths() {
        return paths;
    }

    /**
     * Returns the value of {@code $context.<path>} (e.g. {@code stage}, {@code identity.sourceIp})
     * for an exchange, or null when the variable is unset or unknown.
     */
    public String value(Exchange exchange, String path) {
        Variable variable = variables.get(path);
        if (variable != null) {
            return variable.value(exchange);
        }
        int dot = path.indexOf('.');
        DynamicGroup group = dot < 0 ? null : dynamicGroups.get(path.substring(0, dot));
        return group == null ? null : lookup(group.map(exchange), path.substring(dot + 1));
    }

    /**
     * Returns the value under {@code key} of a dynamic group's map: the whole key first, else its
     * first segment naming a nested map and the rest looked up there; a map itself is no value.
     */
    private static String lookup(Map<String, Object> map, String key) {
        String rest = key;
        Map<String, Object> current = map;
        while (current != null) {
            Object found = current.get(rest);
            if (found != null) {
                return found instanceof Map ? null : String.valueOf(found);
            }
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return null;
            }
            Object nested = current.get(rest.substring(0, dot));
            current = nested instanceof Map ? asMap(nested) : null;
            rest = rest.substring(dot + 1);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object map) {
        return (Map<String, Object>) map;
    }

    /**
     * Returns the variables of {@code paths}, an unknown one reading as unset, looked up once per
     * array: for a writer that reads the same constant list of variables for every request (the
     * proxy event's {@code requestContext}), so that a request pays no lookup per variable. {@code
     * paths} must be a constant of the caller's, never built per request: each array is remembered.
     */
    public Variable[] resolve(String[] paths) {
        return resolved.computeIfAbsent(
                paths,
                p -> {
                    Variable[] found = new Variable[p.length];
                    for (int i = 0; i < p.length; i++) {
                        found[i] = variables.getOrDefault(p[i], ContextVariables::unset);
                    }
                    return found;
                });
    }

    /** Returns whether a name is a group of variables ({@code identity}). */
    public boolean isGroup(String name) {
        return groups.containsKey(name) || dynamicGroups.containsKey(name);
    }

    /**
     * Returns a group of variables as a map, in the order registered, unset fields present as null
     * ({@code $context.identity}); empty when no group has that name.
     */
    public Map<String, Object> group(Exchange exchange, String name) {
        DynamicGroup dynamic = dynamicGroups.get(name);
        if (dynamic != null) {
            Map<String, Object> map = dynamic.map(exchange);
            return map == null ? Map.of() : map;
        }
        Group group = groups.get(name);
        if (group == null) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>(group.fields().length * 2); // no resize
        for (int i = 0; i < group.fields().length; i++) {
            map.put(group.fields()[i], group.variables()[i].value(exchange));
        }
        return map;
    }

    /**
     * Returns {@code $context} as a nested map for mapping templates: every top-level variable with
     * a value, each group as its own map with unset fields present as null.
     */
    public Map<String, Object> map(Exchange exchange) {
        Map<String, Object> context = new HashMap<>();
        for (String name : topLevel) {
            String value = value(exchange, name);
            if (value != null) {
                context.put(name, value);
            }
        }
        for (String group : groups.keySet()) {
            context.put(group, group(exchange, group));
        }
        dynamicGroups.forEach(
                (name, group) -> {
                    Map<String, Object> map = group.map(exchange);
                    if (map != null) {
                        context.put(name, map);
                    }
                });
        return context;
    }

    /**
     * Returns the value of {@code $context.<name>} of the REST pipeline ({@link
     * ServingState#contextVariables}), or null when the variable is unset or unknown.
     */
    public static String get(Exchange e, String name) {
        return e.state().contextVariables().value(e, name);
    }

    /**
     * Returns {@code $context.requestTime} of an instant: Common Log Format in UTC, e.g. {@code
     * 04/Mar/2020:19:15:17 +0000} (reference 1.2). Written by hand: it is on every Lambda proxy
     * request, and {@code DateTimeFormatter} costs several times more.
     */
    public static String requestTime(Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(26);
        twoDigits(s, t.getDayOfMonth())
                .append('/')
                .append(MONTHS[t.getMonthValue() - 1])
                .append('/')
                .append(t.getYear())
                .append(':');
        twoDigits(s, t.getHour()).append(':');
        twoDigits(s, t.getMinute()).append(':');
        return twoDigits(s, t.getSecond()).append(" +0000").toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Returns {@code $context.domainName}: the request's Host, else the execute-api host. */
    public static String domainName(Exchange e) {
        return e.request()
                .headers()
                .first("Host")
                .orElseGet(
                        () ->
                                e.state().apiId()
                                        + ".execute-api."
                                        + e.gateway().region()
                                        + ".amazonaws.com");
    }

    /** Returns {@code $context.domainPrefix}: the first label of the domain name. */
    public static String domainPrefix(Exchange e) {
        return domainPrefix(domainName(e));
    }

    /** Returns the first label of a domain name. */
    public static String domainPrefix(String domainName) {
        int dot = domainName.indexOf('.');
        return dot < 0 ? domainName : domainName.substring(0, dot);
    }

    /**
     * Returns {@code $context.path}: the raw request path with the stage, leading slashes folded
     * into one ({@code //stage/x} gives {@code /stage/x}, reference 2.1).
     */
    public static String requestPath(Exchange e) {
        String path = e.request().path();
        int i = 0;
        while (i + 1 < path.length() && path.charAt(i + 1) == '/' && path.charAt(i) == '/') {
            i++;
        }
        return path.substring(i);
    }
}
