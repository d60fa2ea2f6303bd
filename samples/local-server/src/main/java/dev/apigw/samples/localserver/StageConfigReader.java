package dev.apigw.samples.localserver;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.LoggingLevel;
import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a {@code --stage-config} file: a JSON object in the shape of GetStage's answer (reference
 * 9.1) with {@code variables}, {@code methodSettings}, {@code cacheClusterEnabled}, {@code
 * cacheClusterSize}, {@code canarySettings}, {@code accessLogSettings} and {@code tracingEnabled}.
 * Anything else, a value of the wrong type, a negative throttling limit, a TTL outside 0 to 3600
 * (reference 9.3), a cache size AWS does not offer, an unknown logging level or strategy fails with
 * a one-line usage error naming the file and the JSON path ({@code $.methodSettings['*}{@code
 * /*'].cacheTtlInSeconds: must be from 0 to 3600, got 4000}).
 */
final class StageConfigReader {
    /** The cache sizes AWS offers, in GB (reference 9.3). */
    static final List<String> CACHE_SIZES =
            List.of("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");

    private static final Set<String> FIELDS =
            Set.of(
                    "variables",
                    "methodSettings",
                    "cacheClusterEnabled",
                    "cacheClusterSize",
                    "canarySettings",
                    "accessLogSettings",
                    "tracingEnabled");

    private static final Set<String> METHODS =
            Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String source;

    private StageConfigReader(String source) {
        this.source = source;
    }

    /**
     * Reads the file; fails with a {@link LaunchException}: a usage error (exit 2) naming the place
     * of bad content, a failure (exit 1) for a file that cannot be read.
     */
    static StageConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw LaunchException.failure(
                    "--stage-config "
                            + file
                            + ": "
                            + (Files.exists(file) ? "cannot be read: " + e : "file not found"));
        }
        return parse(text, file.toString());
    }

    /** Reads a configuration from its text; {@code source} names it in messages. */
    static StageConfig parse(String json, String source) {
        return new StageConfigReader(source).config(json);
    }

    private StageConfig config(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw fail(
                    "$",
                    "not JSON: "
                            + e.getOriginalMessage().lines().findFirst().orElse("")
                            + " (line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ")");
        }
        if (root == null || !root.isObject()) {
            throw fail("$", "must be a JSON object in the shape of GetStage's answer");
        }
        StageConfig.Builder config = StageConfig.builder();
        for (Map.Entry<String, JsonNode> field : fields(root)) {
            String path = child("$", field.getKey());
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "variables":
                    strings(path, value).forEach(config::putVariable);
                    break;
                case "methodSettings":
                    methodSettings(path, value, config);
                    break;
                case "cacheClusterEnabled":
                    config.cacheClusterEnabled(bool(path, value));
                    break;
                case "cacheClusterSize":
                    config.cacheClusterSize(cacheSize(path, value));
                    break;
                case "canarySettings":
                    config.canary(canary(path, value));
                    break;
                case "accessLogSettings":
                    config.accessLog(accessLog(path, value));
                    break;
                case "tracingEnabled":
                    config.tracingEnabled(bool(path, value));
                    break;
                default:
                    throw unknown(path, FIELDS);
            }
        }
        return config.build();
    }

    private void methodSettings(String path, JsonNode value, StageConfig.Builder config) {
        for (Map.Entry<String, JsonNode> entry : fields(object(path, value))) {
            String at = child(path, entry.getKey());
            String key = settingsKey(at, entry.getKey());
            Consumer<MethodSetting.Builder> fields = methodSetting(at, entry.getValue());
            try {
                MethodSetting.builder().build().copy(fields);
            } catch (IllegalArgumentException e) {
                throw fail(at, e.getMessage());
            }
            config.putMethodSetting(key, fields);
        }
    }

    /**
     * Returns the stage's key for a {@code methodSettings} key: {@code *}{@code /*}, or {@code
     * {resourcePath}/{httpMethod}} as GetStage shows it ({@code pets/GET}, the root {@code /GET});
     * a leading {@code /} on a resource path is accepted ({@code /pets/GET}).
     */
    private String settingsKey(String at, String key) {
        if (key.equals(StageConfig.ALL)) {
            return key;
        }
        int slash = key.lastIndexOf('/');
        String method = slash < 0 ? "" : key.substring(slash + 1).toUpperCase(Locale.ROOT);
        String resource = slash < 0 ? "" : key.substring(0, slash);
        if (slash < 0 || !METHODS.contains(method) || resource.contains("*")) {
            throw fail(
                    at,
                    "the key must be */* or {resourcePath}/{httpMethod} (pets/GET, the root /GET),"
                            + " httpMethod one of "
                            + sorted(METHODS));
        }
        if (resource.startsWith("/")) {
            resource = resource.substring(1);
        }
        return resource.isEmpty() ? "/" + method : resource + "/" + method;
    }

    private Consumer<MethodSetting.Builder> methodSetting(String path, JsonNode value) {
        List<Consumer<MethodSetting.Builder>> sets = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields(object(path, value))) {
            String at = child(path, field.getKey());
            JsonNode v = field.getValue();
            switch (field.getKey()) {
                case "metricsEnabled":
                    boolean metrics = bool(at, v);
                    sets.add(b -> b.metricsEnabled(metrics));
                    break;
                case "loggingLevel":
                    LoggingLevel level = enumValue(at, v, LoggingLevel.class);
                    sets.add(b -> b.loggingLevel(level));
                    break;
                case "dataTraceEnabled":
                    boolean dataTrace = bool(at, v);
                    sets.add(b -> b.dataTraceEnabled(dataTrace));
                    break;
                case "throttlingBurstLimit":
                    int burst = integer(at, v, 0, Integer.MAX_VALUE);
                    sets.add(b -> b.throttlingBurstLimit(burst));
                    break;
                case "throttlingRateLimit":
                    double rate = number(at, v, 0.0, Double.MAX_VALUE);
                    sets.add(b -> b.throttlingRateLimit(rate));
                    break;
                case "cachingEnabled":
                    boolean caching = bool(at, v);
                    sets.add(b -> b.cachingEnabled(caching));
                    break;
                case "cacheTtlInSeconds":
                    int ttl = integer(at, v, 0, 3600);
                    sets.add(b -> b.cacheTtlInSeconds(ttl));
                    break;
                case "cacheDataEncrypted":
                    boolean encrypted = bool(at, v);
                    sets.add(b -> b.cacheDataEncrypted(encrypted));
                    break;
                case "requireAuthorizationForCacheControl":
                    boolean required = bool(at, v);
                    sets.add(b -> b.requireAuthorizationForCacheControl(required));
                    break;
                case "unauthorizedCacheControlHeaderStrategy":
                    UnauthorizedCacheControlHeaderStrategy strategy =
                            enumValue(at, v, UnauthorizedCacheControlHeaderStrategy.class);
                    sets.add(b -> b.unauthorizedCacheControlHeaderStrategy(strategy));
                    break;
                default:
                    throw unknown(
                            at,
                            Set.of(
                                    "metricsEnabled",
                                    "loggingLevel",
                                    "dataTraceEnabled",
                                    "throttlingBurstLimit",
                                    "throttlingRateLimit",
                                    "cachingEnabled",
                                    "cacheTtlInSeconds",
                                    "cacheDataEncrypted",
                                    "requireAuthorizationForCacheControl",
                                    "unauthorizedCacheControlHeaderStrategy"));
            }
        }
        List<Consumer<MethodSetting.Builder>> all = List.copyOf(sets);
        return b -> all.forEach(set -> set.accept(b));
    }

    private String cacheSize(String path, JsonNode value) {
        if (!value.isTextual() || !CACHE_SIZES.contains(value.asText())) {
            throw fail(
                    path,
                    "must be one of the sizes AWS offers, in GB, as a string: "
                            + CACHE_SIZES.stream()
                                    .map(s -> "\"" + s + "\"")
                                    .collect(Collectors.joining(", "))
                            + "; got "
                            + value);
        }
        return value.asText();
    }

    private StageConfig.Canary canary(String path, JsonNode value) {
        double percent = 0.0;
        Map<String, String> overrides = Map.of();
        boolean useStageCache = false;
        for (Map.Entry<String, JsonNode> field : fields(object(path, value))) {
            String at = child(path, field.getKey());
            switch (field.getKey()) {
                case "percentTraffic":
                    percent = number(at, field.getValue(), 0.0, 100.0);
                    break;
                case "stageVariableOverrides":
                    overrides = strings(at, field.getValue());
                    break;
                case "useStageCache":
                    useStageCache = bool(at, field.getValue());
                    break;
                case "deploymentId":
                    throw fail(
                            at,
                            "not read: the canary serves the stage's canary deployment (a"
                                    + " template's) or else the stage's own deployment; leave it"
                                    + " out");
                default:
                    throw unknown(
                            at,
                            Set.of(
                                    "percentTraffic",
                                    "deploymentId",
                                    "stageVariableOverrides",
                                    "useStageCache"));
            }
        }
        return new StageConfig.Canary(percent, overrides, useStageCache);
    }

    private StageConfig.Access accessLog(String path, JsonNode value) {
        String format = null;
        String destination = null;
        for (Map.Entry<String, JsonNode> field : fields(object(path, value))) {
            String at = child(path, field.getKey());
            switch (field.getKey()) {
                case "format":
                    format = text(at, field.getValue());
                    if (!format.contains("$context.requestId")
                            && !format.contains("$context.extendedRequestId")) {
                        throw fail(
                                at,
                                "must contain $context.requestId or $context.extendedRequestId"
                                        + " (reference 10.3)");
                    }
                    break;
                case "destinationArn":
                    destination = text(at, field.getValue());
                    if (!destination.startsWith("arn:")) {
                        throw fail(at, "must be the ARN of a log group or a Firehose stream");
                    }
                    break;
                default:
                    throw unknown(at, Set.of("format", "destinationArn"));
            }
        }
        if (format == null) {
            throw fail(child(path, "format"), "is required");
        }
        return new StageConfig.Access(format, destination);
    }

    private Map<String, String> strings(String path, JsonNode value) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields(object(path, value))) {
            String at = child(path, entry.getKey());
            String text = text(at, entry.getValue());
            try {
                Stage.builder().stageName("config").putVariable(entry.getKey(), text).build();
            } catch (IllegalArgumentException e) {
                throw fail(at, e.getMessage().replaceFirst("^stage config: ", ""));
            }
            map.put(entry.getKey(), text);
        }
        return map;
    }

    private JsonNode object(String path, JsonNode value) {
        if (!value.isObject()) {
            throw fail(path, "must be an object, got " + type(value));
        }
        return value;
    }

    private boolean bool(String path, JsonNode value) {
        if (!value.isBoolean()) {
            throw fail(path, "must be true or false, got " + type(value));
        }
        return value.booleanValue();
    }

    private String text(String path, JsonNode value) {
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw fail(path, "must be a non-empty string, got " + type(value));
        }
        return value.asText();
    }

    private int integer(String path, JsonNode value, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw fail(
                    path, "must be a whole number from " + min + " to " + max + ", got " + value);
        }
        int n = value.intValue();
        if (n < min || n > max) {
            throw fail(path, "must be from " + min + " to " + max + ", got " + n);
        }
        return n;
    }

    private double number(String path, JsonNode value, double min, double max) {
        if (!value.isNumber()) {
            throw fail(path, "must be a number, got " + type(value));
        }
        double n = value.doubleValue();
        if (!(n >= min && n <= max)) {
            throw fail(
                    path,
                    (max == Double.MAX_VALUE
                                    ? "must not be negative"
                                    : "must be from " + min + " to " + max)
                            + ", got "
                            + value);
        }
        return n;
    }

    private <E extends Enum<E>> E enumValue(String path, JsonNode value, Class<E> type) {
        E[] constants = type.getEnumConstants();
        if (value.isTextual()) {
            for (E e : constants) {
                if (e.name().equals(value.asText())) {
                    return e;
                }
            }
        }
        throw fail(path, "must be one of " + Arrays.toString(constants) + ", got " + value);
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode object) {
        return new ArrayList<>(object.properties());
    }

    private static String type(JsonNode value) {
        if (value.isTextual()) {
            return "the string " + value;
        }
        return value.isContainerNode()
                ? value.getNodeType().name().toLowerCase(Locale.ROOT)
                : "" + value;
    }

    /** Returns the JSON path of a member: {@code $.name}, or {@code $['pets/GET']}. */
    static String child(String path, String key) {
        return NAME.matcher(key).matches()
                ? path + "." + key
                : path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private LaunchException unknown(String path, Set<String> known) {
        return fail(path, "unknown field; known: " + sorted(known));
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    private LaunchException fail(String path, String problem) {
        return LaunchException.usage("--stage-config " + source + ": " + path + ": " + problem);
    }
}
