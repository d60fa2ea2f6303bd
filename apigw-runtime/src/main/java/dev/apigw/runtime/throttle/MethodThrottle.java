package dev.apigw.runtime.throttle;

import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.runtime.pipeline.AttributeKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What throttling compiled for one method (reference 9.4), so that a request builds no string: its
 * key in a usage plan's per-method throttles ({@code /path/METHOD}, reference 8.2), and the name of
 * its stage bucket for each stage that serves it, made on the stage's first request (a deployment
 * may be served by several stages). Thread-safe. Internal.
 */
public final class MethodThrottle {
    /** The key of this feature's part of a compiled method. */
    public static final AttributeKey<MethodThrottle> KEY = AttributeKey.of("throttle");

    private final String apiId;
    private final String settingsKey;
    private final String planMethod;
    private final ConcurrentMap<String, String> stageBuckets = new ConcurrentHashMap<>();

    private MethodThrottle(String apiId, String settingsKey, String planMethod) {
        this.apiId = apiId;
        this.settingsKey = settingsKey;
        this.planMethod = planMethod;
    }

    /** Compiles the throttling names of a method of the API {@code apiId}. */
    public static MethodThrottle compile(String apiId, Resource resource, Method method) {
        return new MethodThrottle(
                apiId,
                resource.path().substring(1) + "/" + method.httpMethod(),
                resource.path() + "/" + method.httpMethod());
    }

    /**
     * Compiles the throttling names of a route of the HTTP API {@code apiId}: its stage buckets are
     * named by route key ({@code GET /pets}), the key of a stage's {@code routeSettings} (reference
     * 9.1, 9.4). HTTP APIs have no usage plans, so its plan key is the route key too.
     */
    public static MethodThrottle route(String apiId, String routeKey) {
        return new MethodThrottle(apiId, routeKey, routeKey);
    }

    /** Returns the method's key in a usage plan's per-method throttles, {@code /path/METHOD}. */
    public String planMethod() {
        return planMethod;
    }

    /** Returns the name of the method's bucket on the stage {@code stageName}. */
    public String stageBucket(String stageName) {
        String bucket = stageBuckets.get(stageName);
        if (bucket == null) {
            bucket =
                    stageBuckets.computeIfAbsent(
                            stageName, s -> "stage:" + apiId + ":" + s + ":" + settingsKey);
        }
        return bucket;
    }
}
