package dev.apigw.model;

import dev.apigw.model.template.StableIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A usage plan: which API stages it covers, which API keys belong to it, and the throttle and quota
 * applied per key (reference section 8.2).
 */
public final class UsagePlan {
    private final String id;
    private final String name;
    private final String description;
    private final List<ApiStage> apiStages;
    private final ThrottleSettings throttle;
    private final QuotaSettings quota;
    private final Set<String> apiKeyIds;

    private UsagePlan(Builder b) {
        this.name = Checks.requireText(b.name, "usagePlan name");
        this.id = b.id != null ? b.id : StableIds.of("usageplan:" + name, 6);
        this.description = b.description;
        this.apiStages = Copies.list(b.apiStages);
        this.throttle = b.throttle;
        this.quota = b.quota;
        this.apiKeyIds = Set.copyOf(b.apiKeyIds);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this plan's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy built from {@link #toBuilder()} with the changes the consumer makes, e.g.
     * {@code plan.copy(b -> b.addApiStage("a1b2c3", "prod"))}; this instance does not change.
     */
    public UsagePlan copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the plan id. */
    public String id() {
        return id;
    }

    /** Returns the plan name. */
    public String name() {
        return name;
    }

    /** Returns the description, if set. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Returns the API stages the plan covers. */
    public List<ApiStage> apiStages() {
        return apiStages;
    }

    /** Returns whether the plan covers a stage of an API. */
    public boolean covers(String apiId, String stageName) {
        for (ApiStage s : apiStages) {
            if (s.apiId().equals(apiId) && s.stage().equals(stageName)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the per-key throttle, if set. */
    public Optional<ThrottleSettings> throttle() {
        return Optional.ofNullable(throttle);
    }

    /** Returns the per-key quota, if set. */
    public Optional<QuotaSettings> quota() {
        return Optional.ofNullable(quota);
    }

    /** Returns the ids of the API keys in this plan. */
    public Set<String> apiKeyIds() {
        return apiKeyIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsagePlan p
                && id.equals(p.id)
                && name.equals(p.name)
                && Objects.equals(description, p.description)
                && apiStages.equals(p.apiStages)
                && Objects.equals(throttle, p.throttle)
                && Objects.equals(quota, p.quota)
                && apiKeyIds.equals(p.apiKeyIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, apiStages, apiKeyIds);
    }

    @Override
    public String toString() {
        return "UsagePlan[" + id + " " + name + "]";
    }

    /** Builds a {@link UsagePlan}. */
    public static final class Builder {
        private String id;
        private String name;
        private String description;
        private List<ApiStage> apiStages = new ArrayList<>();
        private ThrottleSettings throttle;
        private QuotaSettings quota;
        private Set<String> apiKeyIds = new LinkedHashSet<>();

        private Builder() {}

        private Builder(UsagePlan p) {
            id = p.id;
            name = p.name;
            description = p.description;
            apiStages = new ArrayList<>(p.apiStages);
            throttle = p.throttle;
            quota = p.quota;
            apiKeyIds = new LinkedHashSet<>(p.apiKeyIds);
        }

        /** Sets the id (by default derived from the name). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Replaces the API stages. */
        public Builder apiStages(List<ApiStage> apiStages) {
            this.apiStages = new ArrayList<>(apiStages);
            return this;
        }

        /** Adds a stage of an API. */
        public Builder addApiStage(String apiId, String stageName) {
            apiStages.add(ApiStage.of(apiId, stageName));
            return this;
        }

        /** Sets the per-key throttle. */
        public Builder throttle(ThrottleSettings throttle) {
            this.throttle = throttle;
            return this;
        }

        /** Sets the per-key quota. */
        public Builder quota(QuotaSettings quota) {
            this.quota = quota;
            return this;
        }

        /** Replaces the API key ids. */
        public Builder apiKeyIds(Set<String> apiKeyIds) {
            this.apiKeyIds = new LinkedHashSet<>(apiKeyIds);
            return this;
        }

        /** Adds an API key to the plan. */
        public Builder addApiKey(ApiKey key) {
            apiKeyIds.add(key.id());
            return this;
        }

        /** Validates and builds. */
        public UsagePlan build() {
            return new UsagePlan(this);
        }
    }
}
