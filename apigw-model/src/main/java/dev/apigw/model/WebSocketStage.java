package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A WebSocket API stage (reference section 9.1, HTTP API and WebSocket stages): clients connect to
 * {@code wss://HOST/STAGE}. The name is letters, digits, {@code -} and {@code _}; {@code $default},
 * which HTTP APIs serve at the root, is refused here (see docs/differences.md).
 *
 * @param stageName letters, digits, {@code -} and {@code _} (at most 128)
 * @param description a description
 * @param stageVariables the stage variables
 * @param defaultRouteSettings the settings of every route without its own entry
 * @param routeSettings settings by route key ({@code $connect}, {@code sendmessage})
 * @param accessLogSettings where the stage writes access logs (reference 10.3)
 */
public record WebSocketStage(
        String stageName,
        Optional<String> description,
        Map<String, String> stageVariables,
        WebSocketRouteSettings defaultRouteSettings,
        Map<String, WebSocketRouteSettings> routeSettings,
        Optional<AccessLogSettings> accessLogSettings) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** Validates and copies; fails naming the stage. */
    public WebSocketStage {
        Checks.requireText(stageName, "stageName");
        if (stageName.equals(HttpStage.DEFAULT)) {
            throw new IllegalArgumentException(
                    "stage $default: a WebSocket API stage needs a name of letters, digits, - and"
                            + " _; $default is for HTTP APIs");
        }
        if (!NAME.matcher(stageName).matches()) {
            throw new IllegalArgumentException(
                    "stage "
                            + stageName
                            + ": the name must be letters, digits, - and _ (at most 128)");
        }
        Objects.requireNonNull(description);
        stageVariables = Copies.orderedMap(stageVariables);
        Objects.requireNonNull(defaultRouteSettings);
        routeSettings = Copies.orderedMap(routeSettings);
        Objects.requireNonNull(accessLogSettings);
    }

    /** Returns a builder for the stage {@code stageName}. */
    public static Builder builder(String stageName) {
        return new Builder(stageName);
    }

    /** Returns a builder holding this stage. */
    public Builder toBuilder() {
        Builder b = new Builder(stageName);
        b.description = description.orElse(null);
        b.stageVariables = new LinkedHashMap<>(stageVariables);
        b.defaultRouteSettings = defaultRouteSettings;
        b.routeSettings = new LinkedHashMap<>(routeSettings);
        b.accessLogSettings = accessLogSettings.orElse(null);
        return b;
    }

    /** Returns the settings of the route {@code routeKey}: its own entry over the defaults. */
    public WebSocketRouteSettings settingsOf(String routeKey) {
        WebSocketRouteSettings own = routeSettings.get(routeKey);
        return own == null ? defaultRouteSettings : own.orElse(defaultRouteSettings);
    }

    /** Builds {@link WebSocketStage}. */
    public static final class Builder {
        private final String stageName;
        private String description;
        private Map<String, String> stageVariables = new LinkedHashMap<>();
        private WebSocketRouteSettings defaultRouteSettings = WebSocketRouteSettings.NONE;
        private Map<String, WebSocketRouteSettings> routeSettings = new LinkedHashMap<>();
        private AccessLogSettings accessLogSettings;

        private Builder(String stageName) {
            this.stageName = stageName;
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
        public Builder defaultRouteSettings(WebSocketRouteSettings settings) {
            this.defaultRouteSettings = settings;
            return this;
        }

        /** Sets the settings of the route {@code routeKey}. */
        public Builder routeSettings(String routeKey, WebSocketRouteSettings settings) {
            routeSettings.put(routeKey, settings);
            return this;
        }

        /** Sets where the stage writes access logs. */
        public Builder accessLogSettings(AccessLogSettings accessLogSettings) {
            this.accessLogSettings = accessLogSettings;
            return this;
        }

        /** Validates and builds; fails naming the stage. */
        public WebSocketStage build() {
            return new WebSocketStage(
                    stageName,
                    Optional.ofNullable(description),
                    stageVariables,
                    defaultRouteSettings,
                    routeSettings,
                    Optional.ofNullable(accessLogSettings));
        }
    }
}
