package dev.apigw.model.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated large templates parse as YAML and hold what {@link LargeTemplates} promises. */
class LargeTemplatesTest {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String ROOT = "Api.RootResourceId";

    private static JsonNode resources(int count) throws Exception {
        return YAML.readTree(LargeTemplates.restApiWith(count)).get("Resources");
    }

    private static Map<String, Integer> countByType(JsonNode resources) {
        Map<String, Integer> counts = new TreeMap<>();
        resources.forEach(r -> counts.merge(r.get("Type").asText(), 1, Integer::sum));
        return counts;
    }

    @ParameterizedTest(name = "{0} resources")
    @ValueSource(ints = {1, 2, 3, 10, 300})
    void restApiWith_count_hasOneApiThatManyResourcesAndOneMethodEach(int count) throws Exception {
        Map<String, Integer> counts = countByType(resources(count));

        assertThat(counts)
                .containsEntry("AWS::ApiGateway::RestApi", 1)
                .containsEntry("AWS::ApiGateway::Resource", count)
                .containsEntry("AWS::ApiGateway::Method", count)
                .containsEntry("AWS::Lambda::Function", 1)
                .containsEntry("AWS::ApiGateway::Deployment", 1)
                .containsEntry("AWS::ApiGateway::Stage", 1)
                .containsEntry("AWS::ApiGateway::UsagePlan", 1)
                .containsEntry("AWS::ApiGateway::ApiKey", 1)
                .containsEntry("AWS::ApiGateway::UsagePlanKey", 1);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(2 * count + 7);
    }

    @Test
    void restApiWith_300_nestsResourcesAtMostThreeDeepWithDistinctPaths() throws Exception {
        JsonNode resources = resources(300);
        Map<String, String> paths = new HashMap<>();
        Map<Integer, Integer> byDepth = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            JsonNode properties = resources.get(LargeTemplates.resourceId(i)).get("Properties");
            String parent = properties.get("ParentId").asText();
            String parentPath = parent.equals(ROOT) ? "" : paths.get(parent);
            assertThat(parentPath).as("parent of %s declared before it", i).isNotNull();
            String path = parentPath + "/" + properties.get("PathPart").asText();
            paths.put(LargeTemplates.resourceId(i), path);
            byDepth.merge(path.split("/").length - 1, 1, Integer::sum);
        }

        assertThat(new HashSet<>(paths.values())).hasSize(300);
        assertThat(byDepth).containsOnlyKeys(1, 2, 3).containsEntry(3, 100);
        assertThat(paths)
                .containsEntry("Resource0000", "/res0")
                .containsEntry("Resource0001", "/res0/res1")
                .containsEntry("Resource0002", "/res0/res1/{item2}")
                .containsEntry("Resource0299", "/res297/res298/{item299}");
    }

    @Test
    void restApiWith_300_writesParentsAsShortFormRefAndGetAtt() {
        String text = LargeTemplates.restApiWith(300);

        assertThat(text)
                .contains("      ParentId: !GetAtt Api.RootResourceId\n")
                .contains("      ParentId: !Ref Resource0001\n")
                .contains("/functions/${Fn.Arn}/invocations'\n");
    }

    @Test
    void restApiWith_300_alternatesMockAndLambdaProxyToTheJavaFunction() throws Exception {
        JsonNode resources = resources(300);
        JsonNode function = resources.get("Fn").get("Properties");

        for (int i = 0; i < 300; i++) {
            JsonNode method = resources.get(LargeTemplates.methodId(i)).get("Properties");
            JsonNode integration = method.get("Integration");
            assertThat(method.get("ResourceId").asText()).isEqualTo(LargeTemplates.resourceId(i));
            if (i % 2 == 0) {
                assertThat(method.get("HttpMethod").asText()).isEqualTo("GET");
                assertThat(integration.get("Type").asText()).isEqualTo("MOCK");
                assertThat(integration.at("/RequestTemplates/application~1json").asText())
                        .isEqualTo("{\"statusCode\": 200}");
                assertThat(integration.at("/IntegrationResponses/0/StatusCode").asText())
                        .isEqualTo("200");
            } else {
                assertThat(method.get("HttpMethod").asText()).isEqualTo("ANY");
                assertThat(integration.get("Type").asText()).isEqualTo("AWS_PROXY");
                assertThat(integration.get("Uri").asText()).contains("${Fn.Arn}");
            }
        }
        assertThat(function.get("Runtime").asText()).isEqualTo("java17");
        assertThat(function.get("Handler").asText()).isEqualTo("example.Handler::handleRequest");
    }

    @Test
    void restApiWith_300_deploysEveryMethodToAStageWithSettingsAndAKeyedUsagePlan()
            throws Exception {
        JsonNode resources = resources(300);
        List<String> methods = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            methods.add(LargeTemplates.methodId(i));
        }
        List<String> dependsOn = new ArrayList<>();
        resources.get("Deployment").get("DependsOn").forEach(d -> dependsOn.add(d.asText()));
        JsonNode stage = resources.get("Stage").get("Properties");
        JsonNode plan = resources.get("UsagePlan").get("Properties");
        JsonNode key = resources.get("UsagePlanKey").get("Properties");

        assertThat(dependsOn).isEqualTo(methods);
        assertThat(stage.get("StageName").asText()).isEqualTo(LargeTemplates.STAGE_NAME);
        assertThat(stage.get("DeploymentId").asText()).isEqualTo("Deployment");
        assertThat(stage.at("/Variables/env").asText()).isEqualTo("bench");
        assertThat(stage.get("MethodSettings")).hasSize(2);
        assertThat(plan.at("/ApiStages/0/Stage").asText()).isEqualTo("Stage");
        assertThat(key.get("KeyId").asText()).isEqualTo("ApiKey");
        assertThat(key.get("UsagePlanId").asText()).isEqualTo("UsagePlan");
        assertThat(resources.at("/ApiKey/Properties/Value").asText())
                .isEqualTo(LargeTemplates.API_KEY_VALUE)
                .hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void restApiWith_sameCount_givesTheSameText() {
        Set<String> texts = new HashSet<>();
        texts.add(LargeTemplates.restApiWith(300));
        texts.add(LargeTemplates.restApiWith(300));

        assertThat(texts).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1})
    void restApiWith_lessThanOne_throws(int count) {
        assertThatThrownBy(() -> LargeTemplates.restApiWith(count))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
