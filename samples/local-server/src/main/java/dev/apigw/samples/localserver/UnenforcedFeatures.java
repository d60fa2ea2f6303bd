package dev.apigw.samples.localserver;

import dev.apigw.model.MethodSetting;
import dev.apigw.model.RestApi;
import dev.apigw.model.Stage;
import dev.apigw.model.UsagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names what a definition asks for that the server does not enforce yet (see {@code
 * docs/differences.md}, "Not built yet"), so that a request it lets through is not mistaken for
 * AWS's answer: a stage's caching (reference 9.3; a method's caching only on a stage with a cache
 * cluster, since without one nothing caches). One warning each. Throttling, of stages and usage
 * plans (reference 9.4), usage plans' quotas (reference 8.2) and a canary (reference 9.2) are
 * enforced and need no warning.
 */
final class UnenforcedFeatures {
    private static final String NOT_YET = " is not enforced by this server yet";

    private UnenforcedFeatures() {}

    /**
     * Returns the warnings for a definition served on a stage with these usage plans (whose
     * throttles and quotas are all enforced, so they add none).
     */
    static List<String> of(RestApi api, Stage stage, List<UsagePlan> plans) {
        List<String> warnings = new ArrayList<>();
        stageSettings(stage, warnings);
        return warnings;
    }

    private static void stageSettings(Stage stage, List<String> warnings) {
        String name = "stage '" + stage.stageName() + "'";
        for (Map.Entry<String, MethodSetting> e : stage.methodSettings().entrySet()) {
            String methods = e.getKey().equals("*/*") ? "every method" : e.getKey();
            if (stage.cacheClusterEnabled() && e.getValue().cachingEnabled()) {
                warnings.add(name + ": caching of " + methods + NOT_YET);
            }
        }
        if (stage.cacheClusterEnabled()) {
            warnings.add(name + ": its cache cluster" + NOT_YET);
        }
    }
}
