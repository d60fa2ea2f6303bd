package dev.apigw.runtime.cache;

import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.runtime.pipeline.CompiledMethod;
import java.time.Duration;
import java.util.Optional;

/**
 * How the stage cache treats one method (reference 9.3, 9.1), read from the stage's method settings
 * as {@link CompiledMethod#methodSetting} reads them (the method's own entry, else {@code *}{@code
 * /*}). Only with the stage's {@code cacheClusterEnabled}. A GET method caches by default: its
 * stage setting (the method's own entry, else {@code *}{@code /*}) can switch it off with {@code
 * cachingEnabled: false} or a TTL of 0; any other method caches only when its own entry says {@code
 * cachingEnabled: true} (AWS: "only GET methods have caching enabled by default"; other methods by
 * overriding method settings). The TTL, the encryption and the {@code Cache-Control} rules come
 * from the same setting, else AWS's defaults (300 seconds, not encrypted, authorization required,
 * {@code SUCCEED_WITH_RESPONSE_HEADER}).
 *
 * @param ttl how long an entry lives, above 0
 * @param encrypted whether entries are encrypted ({@code cacheDataEncrypted})
 * @param requireAuthorization whether {@code Cache-Control: max-age=0} needs {@code
 *     execute-api:InvalidateCache}
 * @param unauthorized what an unauthorized invalidation gets
 */
record MethodCaching(
        Duration ttl,
        boolean encrypted,
        boolean requireAuthorization,
        UnauthorizedCacheControlHeaderStrategy unauthorized) {
    private static final MethodSetting DEFAULTS = MethodSetting.builder().build();

    /** Returns how the stage caches the method, or empty when it does not. */
    static Optional<MethodCaching> of(Stage stage, CompiledMethod method) {
        if (!stage.cacheClusterEnabled()) {
            return Optional.empty();
        }
        MethodSetting own = stage.methodSettings().get(method.settingsKey());
        MethodSetting setting = method.methodSetting(stage).orElse(null);
        boolean enabled =
                method.method().httpMethod().equals("GET")
                        ? setting == null || setting.cachingEnabled()
                        : own != null && own.cachingEnabled();
        MethodSetting effective = setting != null ? setting : DEFAULTS;
        if (!enabled || effective.cacheTtlInSeconds() == 0) {
            return Optional.empty();
        }
        return Optional.of(
                new MethodCaching(
                        Duration.ofSeconds(effective.cacheTtlInSeconds()),
                        effective.cacheDataEncrypted(),
                        effective.requireAuthorizationForCacheControl(),
                        effective.unauthorizedCacheControlHeaderStrategy()));
    }
}
