package dev.apigw.runtime.metrics;

import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.runtime.pipeline.CompiledMethod;
import dev.apigw.runtime.pipeline.Target;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one stage of an API, or of its canary: the stage's dimension set ({@code ApiName,
 * Stage}) and, for each method whose stage setting has {@code metricsEnabled} (detailed metrics:
 * the method's own entry, else {@code *}{@code /*}; reference 9.1, 10.1), the method's ({@code
 * ApiName, Method, Resource, Stage}). A method's meters are registered when its first request is
 * recorded and kept by resource path and HTTP method, both of the deployed definition, never of a
 * request, so the stage holds at most one set per deployed method. Thread-safe.
 */
final class StageMeters {
    private final MeterRegistry registry;
    private final String apiName;
    private final String stageValue;
    private final Stage settings;
    private final RequestMeters stage;
    private final Map<String, Map<String, RequestMeters>> methods = new ConcurrentHashMap<>();

    StageMeters(MeterRegistry registry, String apiName, String stageValue, Stage settings) {
        this.registry = registry;
        this.apiName = apiName;
        this.stageValue = stageValue;
        this.settings = settings;
        this.stage = RequestMeters.register(registry, ApiMeters.tags(apiName, stageValue, "", ""));
    }

    /**
     * Returns the meters of a request routed to {@code target}, or of one routed nowhere ({@code
     * null}): the method's set with detailed metrics, else the stage's.
     */
    RequestMeters of(Target target) {
        if (!(target instanceof CompiledMethod)) {
            return stage;
        }
        CompiledMethod method = (CompiledMethod) target;
        Map<String, RequestMeters> byHttpMethod = methods.get(method.resource().path());
        RequestMeters meters = byHttpMethod == null ? null : byHttpMethod.get(httpMethod(method));
        return meters != null ? meters : register(method);
    }

    private RequestMeters register(CompiledMethod method) {
        return methods.computeIfAbsent(method.resource().path(), path -> new ConcurrentHashMap<>())
                .computeIfAbsent(httpMethod(method), m -> detailedOrStage(method));
    }

    private RequestMeters detailedOrStage(CompiledMethod method) {
        boolean detailed =
                method.methodSetting(settings).map(MethodSetting::metricsEnabled).orElse(false);
        if (!detailed) {
            return stage;
        }
        Tags tags =
                ApiMeters.tags(
                        apiName,
                        stageValue,
                        Dimensions.value(httpMethod(method)),
                        Dimensions.value(method.resource().path()));
        return RequestMeters.register(registry, tags);
    }

    private static String httpMethod(CompiledMethod method) {
        return method.method().httpMethod();
    }
}
