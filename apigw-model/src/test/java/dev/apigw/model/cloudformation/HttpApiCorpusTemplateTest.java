package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.CloudFormationImporterTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.model.HttpApi;
import dev.apigw.model.Route;
import dev.apigw.model.openapi.HttpApiImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The HTTP API definitions of the shared corpus ({@code ../../shared/corpus/openapi}: the {@code
 * DefinitionBody}s of AWS's serverless-patterns SAM templates, see its {@code SOURCES.md}) put back
 * into a SAM template as an {@code AWS::Serverless::HttpApi}'s {@code DefinitionBody}, with a
 * stand-in resource for each {@code Ref}/{@code Fn::GetAtt} they name: each imports into {@link
 * dev.apigw.model.GatewayDefinition#httpApis()} with its routes and their integrations, and the
 * stage {@code $default} (reference 4.3, "HTTP API import"; 9.1, HTTP API stages).
 */
class HttpApiCorpusTemplateTest {
    private static final Path CORPUS = Path.of("../../shared/corpus/openapi");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> importText_corpusHttpApiAsDefinitionBody_routesAndDefaultStage()
            throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(
                    DynamicTest.dynamicTest(
                            "corpus",
                            () ->
                                    assumeTrue(
                                            false,
                                            "../shared/corpus not found: corpus tests skipped")));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
        }
        List<DynamicTest> tests =
                files.stream()
                        .filter(HttpApiCorpusTemplateTest::isHttpApi)
                        .map(
                                file ->
                                        DynamicTest.dynamicTest(
                                                CORPUS.relativize(file).toString(),
                                                () -> importsAsTemplate(file)))
                        .toList();
        assertThat(tests).hasSizeGreaterThanOrEqualTo(9);
        return tests.stream();
    }

    private static boolean isHttpApi(Path file) {
        try {
            return HttpApiImporter.isHttpApi(read(file));
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return (file.toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile());
    }

    private static void importsAsTemplate(Path file) throws IOException {
        JsonNode body = read(file);
        ObjectNode template = JSON.createObjectNode();
        template.put("Transform", "AWS::Serverless-2016-10-31");
        ObjectNode resources = template.putObject("Resources");
        ObjectNode api = resources.putObject("CorpusApi");
        api.put("Type", "AWS::Serverless::HttpApi");
        api.putObject("Properties").set("DefinitionBody", body);
        for (String name : referenced(body, new TreeSet<>())) {
            resources.putObject(name).put("Type", standInType(name));
        }

        HttpApi imported =
                CloudFormationImporter.create(BASE)
                        .importText(template.toString(), CloudFormationImporterTest.DIR)
                        .httpApi("CorpusApi");

        assertThat(imported.routes()).isNotEmpty();
        for (Route route : imported.routes().values()) {
            route.integrationId()
                    .ifPresent(id -> assertThat(imported.integrations()).containsKey(id));
        }
        assertThat(imported.stages()).containsOnlyKeys("$default");
        assertThat(imported.tags()).containsEntry("httpapi:createdBy", "SAM");
    }

    /** The logical ids the body names by {@code Ref} or {@code Fn::GetAtt}. */
    private static Set<String> referenced(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode ref = node.get("Ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("AWS::")) {
                names.add(ref.asText());
            }
            JsonNode getAtt = node.get("Fn::GetAtt");
            if (getAtt != null && getAtt.isArray() && getAtt.size() > 0) {
                names.add(getAtt.get(0).asText());
            }
        }
        node.forEach(child -> referenced(child, names));
        return names;
    }

    private static String standInType(String name) {
        if (name.endsWith("Role")) {
            return "AWS::IAM::Role";
        }
        if (name.endsWith("Queue")) {
            return "AWS::SQS::Queue";
        }
        if (name.startsWith("StateMachine")) {
            return "AWS::StepFunctions::StateMachine";
        }
        return "AWS::CloudFormation::WaitConditionHandle";
    }
}
