package dev.apigw.model.cloudformation;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.LoggingLevel;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import java.util.Locale;

/**
 * Reads the stage settings of an {@code AWS::ApiGateway::Stage}, or of a {@code Deployment}'s
 * {@code StageDescription}, into a {@link Stage} (reference section 9.1). A {@code MethodSettings}
 * entry's {@code ResourcePath} is escaped as a JSON pointer ({@code /~1pets}) and {@code /*} with
 * {@code HttpMethod: "*"} is every method; the key is the one {@code UpdateStage} patch paths
 * produce ({@code pets/GET}, root {@code /GET}, all {@code *}{@code /*}).
 */
final class StageReader {
    private StageReader() {}

    /** Returns a stage of these properties that serves {@code deploymentId}. */
    static Stage read(Props p, String stageName, String deploymentId) {
        Stage.Builder s = Stage.builder().stageName(stageName).deploymentId(deploymentId);
        p.text("Description").ifPresent(s::description);
        s.variables(p.textMap("Variables"));
        p.bool("CacheClusterEnabled").ifPresent(s::cacheClusterEnabled);
        p.text("CacheClusterSize").ifPresent(s::cacheClusterSize);
        p.bool("TracingEnabled").ifPresent(s::tracingEnabled);
        p.text("ClientCertificateId").ifPresent(s::clientCertificateId);
        if (p.has("AccessLogSetting")) {
            Props log = p.object("AccessLogSetting");
            s.accessLogSettings(
                    new AccessLogSettings(
                            log.text("Format").orElse(""), log.text("DestinationArn").orElse("")));
        }
        if (p.has("CanarySetting") && p.object("CanarySetting").has("DeploymentId")) {
            Props canary = p.object("CanarySetting");
            s.canarySettings(
                    new CanarySettings(
                            canary.number("PercentTraffic").orElse(0.0),
                            canary.required("DeploymentId"),
                            canary.textMap("StageVariableOverrides"),
                            canary.bool("UseStageCache").orElse(false)));
        }
        if (hasStageWideSetting(p)) {
            s.putMethodSetting("*/*", setting(p));
        }
        for (Props m : p.objects("MethodSettings")) {
            s.putMethodSetting(key(m), setting(m));
        }
        try {
            return s.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    private static boolean hasStageWideSetting(Props p) {
        for (String name :
                new String[] {
                    "CachingEnabled", "CacheTtlInSeconds", "CacheDataEncrypted",
                    "DataTraceEnabled", "LoggingLevel", "MetricsEnabled",
                    "ThrottlingBurstLimit", "ThrottlingRateLimit"
                }) {
            if (p.has(name)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the {@code methodSettings} key of an entry. */
    static String key(Props m) {
        String path = m.text("ResourcePath").orElse("/*");
        String method = m.text("HttpMethod").orElse("*").toUpperCase(Locale.ROOT);
        if (path.equals("/*")) {
            return "*/" + method;
        }
        if (!path.startsWith("/")) {
            throw m.fail("ResourcePath", "must start with / (e.g. /~1pets for /pets)");
        }
        String resource = path.substring(1).replace("~1", "/").replace("~0", "~");
        return (resource.isEmpty() ? "" : resource.substring(1)) + "/" + method;
    }

    private static MethodSetting setting(Props m) {
        MethodSetting.Builder b = MethodSetting.builder();
        m.bool("MetricsEnabled").ifPresent(b::metricsEnabled);
        m.enumValue("LoggingLevel", LoggingLevel.class).ifPresent(b::loggingLevel);
        m.bool("DataTraceEnabled").ifPresent(b::dataTraceEnabled);
        m.integer("ThrottlingBurstLimit").ifPresent(b::throttlingBurstLimit);
        m.number("ThrottlingRateLimit").ifPresent(b::throttlingRateLimit);
        m.bool("CachingEnabled").ifPresent(b::cachingEnabled);
        m.integer("CacheTtlInSeconds").ifPresent(b::cacheTtlInSeconds);
        m.bool("CacheDataEncrypted").ifPresent(b::cacheDataEncrypted);
        m.bool("RequireAuthorizationForCacheControl")
                .ifPresent(b::requireAuthorizationForCacheControl);
        m.enumValue(
                        "UnauthorizedCacheControlHeaderStrategy",
                        UnauthorizedCacheControlHeaderStrategy.class)
                .ifPresent(b::unauthorizedCacheControlHeaderStrategy);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw m.fail(e.getMessage());
        }
    }
}
