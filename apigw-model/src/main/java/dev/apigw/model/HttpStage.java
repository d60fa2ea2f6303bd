package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An HTTP API stage (reference section 9.1, HTTP API stages): {@code $default} serves at the root
 * URL, any other name under its path prefix (reference 7.2).
 *
 * @param stageName {@code $default}, or letters, digits, {@code -} and {@code _} (at most 128)
 * @param autoDeploy whether every change to the API is deployed to the stage
 * @param description a description
 * @param stageVariables the stage variables
 * @param defaultRouteSettings the settings of every route without its own entry
 * @param routeSettings settings by route key ({@code GET /pets})
 * @param accessLogSettings where the stage writes access logs (reference 10.4)
 */
public record HttpStage(
        String stageName,
        boolean autoDeploy,
        Optional<String> description,
        Map<String, String> stageVariables,
        RouteSettings defaultRouteSettings,
        Map<String, RouteSettings> routeSettings,
        Optional<AccessLogSettings> accessLogSettings) {
    /** The stage served at the root URL. */
    public static final String DEFAULT = "$default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** Validates and copies; fails naming the stage. */
    public HttpStage {
        Checks.requireText(stageName, "stageName");
        if (!stageName.equals(DEFAULT) && !NAME.matcher(stageName).matches()) {
            throw new IllegalArgumentException(
                    "stage "
                            + stageName
                            + ": the name must be $default or letters, digits, - and _ (at most"
                            + " 128)");
        }
        Objects.requireNonNull(description);
        stageVariables = Copies.orderedMap(stageVariables);
        Objects.requireNonNull(defaultRouteSettings);
        routeSettings = Copies.orderedMap(routeSettings);
        for (String key : routeSettings.keySet()) {
            try {
                RouteKey.parse(key);
            } catch (IllegalArgumentException e) {
                throw Checks.at("stage " + stageName + " routeSettings", e);
            }
        }
        Objects.requireNonNull(accessLogSettings);
    }

    /** Returns a builder for the stage {@code stageName}. */
    public static Builder builder(String stageName) {
        return new Builder(stageName);
    }

    /** Returns a builder holding this stage. */
    public Builder toBuilder() {
        Builder b = new Builder(stageName);
        b.autoDeploy = autoDeploy;
        b.description = description.orElse(null);
        b.stageVariables = new LinkedHashMap<>(stageVariables);
        b.defaultRouteSettings = defaultRouteSettings;
        b.routeSettings = new LinkedHashMap<>(routeSettings);
        b.accessLogSettings = accessLogSettings.orElse(null);
        return b;
    }

    /** Returns the settings of the route {@code routeKey}: its own entry over the defaults. */
    public RouteSettings settingsOf(String routeKey) {
        RouteSettings own = routeSettings.get(routeKey);
        return own == null ? defaultRouteSettings : own.orElse(defaultRouteSettings);
    }

    /** Builds {@link HttpStage}. */
    public static final class Builder {
        private final String stageName;
        private boolean autoDeploy;
        private String description;
        private Map<String, String> stageVariables = new LinkedHashMap<>();
        private RouteSettings defaultRouteSettings = RouteSettings.NONE;
        private Map<String, RouteSettings> routeSettings = new LinkedHashMap<>();
        private AccessLogSettings accessLogSettings;

        private Builder(String stageName) {
            this.stageName = stageName;
        }

        /** Sets whether every change is deployed to the stage. */
        public Builder autoDeploy(boolean autoDeploy) {
            this.autoDeploy = autoDeploy;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Replaces the stage variables. */
        public Builder stageVariables(Map<String, String> stageVariables) {
            this.stageVariables = new LinkedHashMap<>(stageVariables);
            return this;
        }

        /** Sets one stage variable. */
        public Builder stageVariable(String name, String value) {
            stageVariables.put(name, value);
            return this;
        }

        /** Sets the settings of every route without its own entry. */
        public Builder defaultRouteSettings(RouteSettings settings) {
            this.defaultRouteSettings = settings;
            return this;
        }

        /** Sets the settings of the route {@code routeKey}. */
        public Builder routeSettings(String routeKey, RouteSettings settings) {
            routeSettings.put(routeKey, settings);
            return this;
        }

        /** Sets where the stage writes access logs. */
        public Builder accessLogSettings(AccessLogSettings accessLogSettings) {
            this.accessLogSettings = accessLogSettings;
            return this;
        }

        /** Validates and builds; fails naming the stage. */
        public HttpStage build() {
            return new HttpStage(
                    stageName,
                    autoDeploy,
                    Optional.ofNullable(description),
                    stageVariables,
                    defaultRouteSettings,
                    routeSettings,
                    Optional.ofNullable(accessLogSettings));
        }
    }
}
