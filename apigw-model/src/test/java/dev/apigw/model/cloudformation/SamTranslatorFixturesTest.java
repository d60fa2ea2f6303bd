package dev.apigw.model.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SAM's own translator fixtures (see {@code sam-translator/SOURCES}): the API Gateway resources we
 * generate equal SAM's, but for the deployment hash, whose shape is compared (SAM hashes Python's
 * text of the body, which Java cannot reproduce).
 */
class SamTranslatorFixturesTest {
    private static final String DIR = "/cloudformation/sam-translator/";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "api_with_cors",
                "api_with_gateway_responses_all",
                "api_with_aws_account_whitelist",
                "api_with_auth_with_default_scopes"
            })
    void expand_fixture_givesSamsApiGatewayResources(String name) throws IOException {
        ObjectNode template = (ObjectNode) read(new YAMLMapper(), name + ".yaml");
        template.put("Transform", "AWS::Serverless-2016-10-31");
        JsonNode expected = read(new ObjectMapper(), name + ".json").get("Resources");

        ObjectNode actual = (ObjectNode) SamTransform.expand(template).get("Resources");

        Map<String, String> deployments = new HashMap<>();
        expected.properties()
                .forEach(
                        e -> {
                            if (e.getValue()
                                    .get("Type")
                                    .asText()
                                    .equals("AWS::ApiGateway::Deployment")) {
                                String prefix = e.getKey().substring(0, e.getKey().length() - 10);
                                String ours = SamTemplates.idStartingWith(actual, prefix);
                                assertThat(ours).matches(prefix + "[0-9a-f]{10}");
                                deployments.put(e.getKey(), ours);
                                ObjectNode want = e.getValue().deepCopy();
                                ObjectNode got = actual.get(ours).deepCopy();
                                assertThat(got.at("/Properties/Description").asText())
                                        .matches(
                                                "RestApi deployment id: "
                                                        + ours.substring(prefix.length())
                                                        + "[0-9a-f]{30}");
                                ((ObjectNode) want.get("Properties")).remove("Description");
                                ((ObjectNode) got.get("Properties")).remove("Description");
                                assertThat(got).as(e.getKey()).isEqualTo(want);
                            }
                        });
        expected.properties()
                .forEach(
                        e -> {
                            if (e.getValue()
                                    .get("Type")
                                    .asText()
                                    .equals("AWS::ApiGateway::Deployment")) {
                                return;
                            }
                            ObjectNode want = e.getValue().deepCopy();
                            JsonNode deployment = want.at("/Properties/DeploymentId/Ref");
                            if (deployment.isTextual()) {
                                ((ObjectNode) want.at("/Properties/DeploymentId"))
                                        .put("Ref", deployments.get(deployment.asText()));
                            }
                            assertThat(actual.get(e.getKey())).as(e.getKey()).isEqualTo(want);
                        });
    }

    private static JsonNode read(ObjectMapper mapper, String file) throws IOException {
        try (InputStream in = SamTranslatorFixturesTest.class.getResourceAsStream(DIR + file)) {
            return mapper.readTree(in);
        }
    }
}
