package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.ApiKey;
import dev.apigw.model.ApiStage;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.QuotaPeriodType;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.UsagePlanKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the account-level resources of a template (reference section 8.2): {@code ApiKey} (no
 * {@code Value}: a generated one of 40 letters and digits, as AWS generates; {@code Enabled}
 * defaults to false, as in CloudFormation's schema), {@code UsagePlan} (its {@code ApiStages} with
 * their method throttles, {@code Throttle}, {@code Quota}), {@code UsagePlanKey} (the key added to
 * the plan).
 */
final class UsagePlanReader {
    private static final char[] KEY_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final ImportRun run;
    private final SecureRandom random;

    UsagePlanReader(ImportRun run, SecureRandom random) {
        this.run = run;
        this.random = random;
    }

    void read(GatewayDefinition.Builder out) {
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        for (String id : run.ofType("AWS::ApiGateway::ApiKey")) {
            Props p = run.properties(id);
            String value = p.text("Value").orElse(null);
            ApiKey.Builder key =
                    ApiKey.builder()
                            .id(run.ids().ref(id).asText())
                            .name(p.text("Name").orElse(id))
                            .value(value != null ? value : generated())
                            .enabled(p.bool("Enabled").orElse(false));
            p.text("Description").ifPresent(key::description);
            try {
                keys.put(id, key.build());
            } catch (IllegalArgumentException e) {
                throw p.fail("Value", e.getMessage());
            }
            out.apiKey(id, keys.get(id), value == null);
        }
        Map<String, List<ApiKey>> planKeys = new LinkedHashMap<>();
        for (String id : run.ofType("AWS::ApiGateway::UsagePlanKey")) {
            Props p = run.properties(id);
            String keyLogicalId =
                    run.logicalIdOf("AWS::ApiGateway::ApiKey", p.required("KeyId"), p, "KeyId");
            String planLogicalId =
                    run.logicalIdOf(
                            "AWS::ApiGateway::UsagePlan",
                            p.required("UsagePlanId"),
                            p,
                            "UsagePlanId");
            planKeys.computeIfAbsent(planLogicalId, k -> new ArrayList<>())
                    .add(keys.get(keyLogicalId));
            out.usagePlanKey(
                    id, new UsagePlanKey(p.required("UsagePlanId"), keys.get(keyLogicalId).id()));
        }
        for (String id : run.ofType("AWS::ApiGateway::UsagePlan")) {
            out.usagePlan(id, plan(id, run.properties(id), planKeys.getOrDefault(id, List.of())));
        }
    }

    private UsagePlan plan(String id, Props p, List<ApiKey> keys) {
        UsagePlan.Builder plan =
                UsagePlan.builder()
                        .id(run.ids().ref(id).asText())
                        .name(p.text("UsagePlanName").orElse(id));
        p.text("Description").ifPresent(plan::description);
        List<ApiStage> stages = new ArrayList<>();
        for (Props s : p.objects("ApiStages")) {
            Map<String, ThrottleSettings> throttle = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : s.object("Throttle").json().properties()) {
                throttle.put(e.getKey(), throttle(s.object("Throttle").object(e.getKey())));
            }
            stages.add(new ApiStage(s.required("ApiId"), s.required("Stage"), throttle));
        }
        plan.apiStages(stages);
        if (p.has("Throttle")) {
            plan.throttle(throttle(p.object("Throttle")));
        }
        if (p.has("Quota")) {
            plan.quota(quota(p.object("Quota")));
        }
        keys.forEach(plan::addApiKey);
        try {
            return plan.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }

    /** Reads a quota (reference 8.2); a value AWS refuses fails naming the property. */
    private static QuotaSettings quota(Props q) {
        int limit = q.integer("Limit").orElseThrow(() -> q.fail("Limit", "is required"));
        int offset = q.integer("Offset").orElse(0);
        QuotaPeriodType period =
                q.enumValue("Period", QuotaPeriodType.class)
                        .orElseThrow(() -> q.fail("Period", "is required"));
        if (limit < 0) {
            throw q.fail("Limit", "must be at least 0, found " + limit);
        }
        if (offset < 0) {
            throw q.fail("Offset", "must be at least 0, found " + offset);
        }
        try {
            return new QuotaSettings(limit, offset, period);
        } catch (IllegalArgumentException e) {
            throw q.fail("Offset", e.getMessage());
        }
    }

    /** Reads a throttle (reference 9.4); a negative limit fails naming the property. */
    private static ThrottleSettings throttle(Props t) {
        int burst = t.integer("BurstLimit").orElse(0);
        double rate = t.number("RateLimit").orElse(0.0);
        if (burst < 0) {
            throw t.fail("BurstLimit", "must be at least 0, found " + burst);
        }
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw t.fail("RateLimit", "must be a number of at least 0, found " + rate);
        }
        return new ThrottleSettings(burst, rate);
    }

    private String generated() {
        char[] value = new char[40];
        for (int i = 0; i < value.length; i++) {
            value[i] = KEY_CHARACTERS[random.nextInt(KEY_CHARACTERS.length)];
        }
        return new String(value);
    }
}
