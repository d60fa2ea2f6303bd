package dev.apigw.samples.localserver;

import dev.apigw.model.HttpStage;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.RouteSettings;
import dev.apigw.model.ThrottleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays what the command line gives over the stage of an HTTP API, as far as HTTP API stages have it
 * (reference 9.1, HTTP API stages): the {@code --stage-config} file's {@code variables} then the
 * {@code --stage-var} values as stage variables; its {@code accessLogSettings} as the stage's; the
 * throttling limits and {@code metricsEnabled} of its {@code methodSettings}, the {@code *}{@code
 * /*} entry as {@code defaultRouteSettings} and a {@code {resourcePath}/{httpMethod}} entry ({@code
 * pets/GET}, {@code ~1} read as {@code /}) as the {@code routeSettings} of the route key {@code GET
 * /pets}. What only REST stages have (cache, canary, X-Ray, execution-log and caching fields of a
 * method setting, reference 10.2 and 11.1) is left out, one warning line each.
 */
final class HttpStageOverrides {
    private static final MethodSetting DEFAULTS = MethodSetting.builder().build();

    private HttpStageOverrides() {}

    /**
     * Returns {@code stage} with the overrides laid over it; adds to {@code warnings} one line per
     * setting an HTTP API stage does not have. {@code apiId}, {@code region} and {@code accountId}
     * name the access-log destination when the file gives none.
     */
    static HttpStage applyTo(
            StageOverrides overrides,
            HttpStage stage,
            String apiId,
            String region,
            String accountId,
            List<String> warnings) {
        StageConfig config = overrides.config();
        HttpStage.Builder b = stage.toBuilder();
        config.variables().forEach(b::stageVariable);
        overrides.variables().forEach(b::stageVariable);
        String destination =
                "arn:aws:logs:"
                        + region
                        + ":"
                        + accountId
                        + ":log-group:API-Gateway-Access-Logs_"
                        + apiId
                        + "/"
                        + stage.stageName();
        config.accessLog(destination).ifPresent(b::accessLogSettings);
        for (Map.Entry<String, MethodSetting> entry :
                config.methodSettingsOverDefaults().entrySet()) {
            String key = entry.getKey();
            MethodSetting setting = entry.getValue();
            if (key.equals(StageConfig.ALL)) {
                b.defaultRouteSettings(routeSettings(setting).orElse(stage.defaultRouteSettings()));
            } else {
                String routeKey = routeKey(key);
                RouteSettings own =
                        stage.routeSettings().getOrDefault(routeKey, RouteSettings.NONE);
                b.routeSettings(routeKey, routeSettings(setting).orElse(own));
            }
            if (!onlyRouteFields(setting)) {
                warnings.add(
                        "--stage-config: methodSettings['"
                                + key
                                + "']: an HTTP API route has only throttling and detailed metrics;"
                                + " the logging and caching fields are ignored");
            }
        }
        for (String name : config.restOnlySettings()) {
            warnings.add("--stage-config: " + name + ": HTTP API stages have none; ignored");
        }
        overrides
                .level()
                .ifPresent(
                        level ->
                                warnings.add(
                                        "--log-level: HTTP APIs write no execution log; ignored"));
        return b.build();
    }

    /**
     * Returns the route settings of a method setting: its throttling limits, each when it differs
     * from AWS's default, and its {@code metricsEnabled}.
     */
    private static Optional<RouteSettings> routeSettings(MethodSetting setting) {
        ThrottleSettings throttle = setting.throttle();
        ThrottleSettings defaults = DEFAULTS.throttle();
        Integer burst =
                throttle.burstLimit() == defaults.burstLimit() ? null : throttle.burstLimit();
        Double rate = throttle.rateLimit() == defaults.rateLimit() ? null : throttle.rateLimit();
        if (burst == null && rate == null && !setting.metricsEnabled()) {
            return Optional.empty();
        }
        return Optional.of(new RouteSettings(setting.metricsEnabled(), burst, rate));
    }

    /** Returns whether a method setting sets nothing but throttling and metrics. */
    private static boolean onlyRouteFields(MethodSetting setting) {
        ThrottleSettings defaults = DEFAULTS.throttle();
        return setting.copy(
                        b ->
                                b.throttlingBurstLimit(defaults.burstLimit())
                                        .throttlingRateLimit(defaults.rateLimit())
                                        .metricsEnabled(false))
                .equals(DEFAULTS);
    }

    /** Returns the route key of a REST settings key: {@code pets/GET} is {@code GET /pets}. */
    static String routeKey(String settingsKey) {
        int slash = settingsKey.lastIndexOf('/');
        String method = settingsKey.substring(slash + 1);
        String path = settingsKey.substring(0, slash).replace("~1", "/");
        List<String> segments = new ArrayList<>(List.of(path.split("/")));
        segments.removeIf(String::isEmpty);
        return method + " /" + String.join("/", segments);
    }
}
