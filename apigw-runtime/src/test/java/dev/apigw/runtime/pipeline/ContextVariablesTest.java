package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Request;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry of {@code $context} variables (reference 1.2). */
class ContextVariablesTest {
    private static final Instant NOW = Instant.parse("2025-02-03T04:05:06.789Z");
    private static final ContextVariables REST = TestExchanges.REST_CONTEXT;
    private static final List<String> IDENTITY =
            List.of(
                    "cognitoIdentityPoolId",
                    "accountId",
                    "cognitoIdentityId",
                    "caller",
                    "sourceIp",
                    "principalOrgId",
                    "accessKey",
                    "cognitoAuthenticationType",
                    "cognitoAuthenticationProvider",
                    "userArn",
                    "userAgent",
                    "user",
                    "apiKey",
                    "apiKeyId");

    private static Exchange exchange() {
        Request request =
                Request.builder()
                        .httpMethod("PATCH")
                        .target("//dev/pets/1?q=1")
                        .header("User-Agent", "curl/8")
                        .sourceIp("198.51.100.7")
                        .build();
        return TestExchanges.builder()
                .gateway(g -> g.clock(Clock.fixed(NOW, ZoneOffset.UTC)))
                .arrived(request);
    }

    @Test
    void paths_rest_everyRequestVariableThenTheApiKeyFeature() {
        List<String> expected =
                new ArrayList<>(
                        List.of(
                                "accountId",
                                "apiId",
                                "deploymentId",
                                "domainName",
                                "domainPrefix",
                                "extendedRequestId",
                                "requestId",
                                "httpMethod",
                                "isCanaryRequest",
                                "path",
                                "protocol",
                                "requestTime",
                                "requestTimeEpoch",
                                "resourceId",
                                "resourcePath",
                                "stage"));
        IDENTITY.forEach(field -> expected.add("identity." + field));
        assertThat(REST.paths()).containsExactlyElementsOf(expected);
    }

    @Test
    void value_everyRegisteredPath_resolvesBeforeRouting() {
        Exchange exchange = exchange();
        Map<String, String> values = new LinkedHashMap<>();
        for (String path : REST.paths()) {
            values.put(path, REST.value(exchange, path));
        }
        Map<String, String> set = new LinkedHashMap<>(values);
        set.values().removeIf(v -> v == null);
        assertThat(set)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.ofEntries(
                                Map.entry("accountId", "111122223333"),
                                Map.entry("apiId", "unitapi001"),
                                Map.entry(
                                        "domainName",
                                        "unitapi001.execute-api.ap-south-1.amazonaws.com"),
                                Map.entry("domainPrefix", "unitapi001"),
                                Map.entry("extendedRequestId", "ext-1"),
                                Map.entry("requestId", "req-1"),
                                Map.entry("httpMethod", "PATCH"),
                                Map.entry("path", "/dev/pets/1"),
                                Map.entry("protocol", "HTTP/1.1"),
                                Map.entry("requestTime", "03/Feb/2025:04:05:06 +0000"),
                                Map.entry("requestTimeEpoch", "1738555506789"),
                                Map.entry("identity.sourceIp", "198.51.100.7"),
                                Map.entry("identity.userAgent", "curl/8")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"unknownThing", "identity", "identity.nothing", "error.message", ""})
    void value_unknownVariable_isNull(String path) {
        assertThat(REST.value(exchange(), path)).isNull();
        assertThat(ContextVariables.get(exchange(), path)).isNull();
    }

    @Test
    void map_rest_topLevelWithValuesAndIdentityWithUnsetAsNull() {
        Map<String, Object> context = REST.map(exchange());
        assertThat(context)
                .containsEntry("requestId", "req-1")
                .doesNotContainKeys("stage", "resourceId", "deploymentId");
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = (Map<String, Object>) context.get("identity");
        assertThat(identity.keySet()).containsExactlyElementsOf(IDENTITY);
        assertThat(identity).containsEntry("sourceIp", "198.51.100.7").containsEntry("user", null);
    }

    @Test
    void group_unknownName_isEmpty() {
        assertThat(REST.isGroup("identity")).isTrue();
        assertThat(REST.isGroup("requestId")).isFalse();
        assertThat(REST.group(exchange(), "authorizer")).isEmpty();
    }

    @Test
    void registerAll_feature_addsItsVariablesInOrder() {
        ContextVariables variables =
                ContextVariables.builder()
                        .register("requestId", Exchange::requestId)
                        .registerAll(
                                b ->
                                        b.register("authorizer.principalId", e -> "me")
                                                .register("authorizer.scope", e -> null))
                        .build();
        Exchange exchange = exchange();
        assertThat(variables.paths())
                .containsExactly("requestId", "authorizer.principalId", "authorizer.scope");
        assertThat(variables.value(exchange, "authorizer.principalId")).isEqualTo("me");
        Map<String, Object> group = variables.group(exchange, "authorizer");
        assertThat(group.keySet()).containsExactly("principalId", "scope");
        assertThat(group).containsEntry("principalId", "me").containsEntry("scope", null);
    }

    @Test
    void register_pathTwice_throws() {
        ContextVariables.Builder builder =
                ContextVariables.builder().register("requestId", Exchange::requestId);
        assertThatThrownBy(() -> builder.register("requestId", e -> "other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$context.requestId is registered twice");
    }

    @Test
    void build_pathBothVariableAndGroup_throws() {
        ContextVariables.Builder builder =
                ContextVariables.builder()
                        .register("identity", e -> "x")
                        .register("identity.user", e -> "y");
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$context.identity is both a variable and a group");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", ".a", "a.", "a..b"})
    void register_emptySegment_throws(String path) {
        assertThatThrownBy(() -> ContextVariables.builder().register(path, e -> "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid $context variable path: " + path);
    }

    @Test
    void contextMap_identity_isComputedOnceAndSharedAcrossReads() {
        ContextMap context = new ContextMap(exchange());
        assertThat(context.get("identity")).isSameAs(context.get("identity"));
        assertThat(context.get("requestId")).isEqualTo("req-1");
        assertThat(context.get(42)).isNull();
    }
}
