package dev.apigw.benchmarks;

import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures OpenAPI import (reference 4.3): the largest corpus definition, and a generated API at
 * AWS's limit of 300 resources with 4 methods each (MOCK, AWS_PROXY, HTTP_PROXY and HTTP
 * integrations with templates and mappings), and building a served {@code Api} from that definition
 * (route trie, templates, invokers). The target: under one second each.
 *
 * <p>Run from the repository root (the corpus is read from {@code ../shared/corpus}): {@code java
 * -jar benchmarks/target/benchmarks.jar OpenApiImportBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenApiImportBenchmark {
    static final Path LARGEST =
            Path.of("../shared/corpus/openapi/localstack/petstore-authorizer.swagger.json");

    private String largest;
    private String generated;
    private RestApi generatedApi;
    private final OpenApiImporter importer =
            OpenApiImporter.create(
                    ImportOptions.builder()
                            .placeholders(Map.of("uri", "http://petstore.example.com/pets"))
                            .build());

    /** Reads the corpus file and generates the 300 x 4 definition. */
    @Setup
    public void setUp() throws IOException {
        largest = Files.readString(LARGEST, StandardCharsets.UTF_8);
        generated = generate(300);
        generatedApi = importer.importText(generated).api();
    }

    static String generate(int resources) {
        StringBuilder paths = new StringBuilder();
        for (int i = 0; i < resources; i++) {
            if (i > 0) {
                paths.append(',');
            }
            paths.append("\"/svc")
                    .append(i / 10)
                    .append("/items")
                    .append(i)
                    .append("/{id}\":{")
                    .append(
                            operation(
                                    "get",
                                    "{\"type\":\"mock\",\"requestTemplates\":{"
                                            + "\"application/json\":\"{\\\"statusCode\\\": 200}\"},\"responses\":"
                                            + "{\"default\":{\"statusCode\":\"200\",\"responseTemplates\":{"
                                            + "\"application/json\":\"{\\\"id\\\": \\\"$input.params('id')\\\"}\"}}}}"))
                    .append(',')
                    .append(
                            operation(
                                    "post",
                                    "{\"type\":\"aws_proxy\","
                                            + "\"httpMethod\":\"POST\",\"uri\":\"arn:aws:apigateway:us-east-1:lambda:"
                                            + "path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:"
                                            + "function:fn"
                                            + i
                                            + "/invocations\"}"))
                    .append(',')
                    .append(
                            operation(
                                    "put",
                                    "{\"type\":\"http_proxy\","
                                            + "\"httpMethod\":\"PUT\",\"uri\":\"http://backend.example.com/items/{id}\","
                                            + "\"requestParameters\":{\"integration.request.path.id\":"
                                            + "\"method.request.path.id\"}}"))
                    .append(',')
                    .append(
                            operation(
                                    "delete",
                                    "{\"type\":\"http\","
                                            + "\"httpMethod\":\"DELETE\",\"uri\":\"http://backend.example.com/items/{id}\","
                                            + "\"requestParameters\":{\"integration.request.path.id\":"
                                            + "\"method.request.path.id\"},\"responses\":{\"default\":"
                                            + "{\"statusCode\":\"204\"},\"4\\\\d{2}\":{\"statusCode\":\"404\"}}}"))
                    .append('}');
        }
        return "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"generated\",\"version\":\"1\"},"
                + "\"paths\":{"
                + paths
                + "}}";
    }

    private static String operation(String method, String integration) {
        return "\""
                + method
                + "\":{\"parameters\":[{\"name\":\"id\",\"in\":\"path\","
                + "\"required\":true,\"schema\":{\"type\":\"string\"}}],\"responses\":{"
                + "\"200\":{\"description\":\"ok\"},\"204\":{\"description\":\"none\"},"
                + "\"404\":{\"description\":\"missing\"}},"
                + "\"x-amazon-apigateway-integration\":"
                + integration
                + "}";
    }

    /** Import of the largest corpus definition. */
    @Benchmark
    public RestApi importLargestCorpusFile() {
        return importer.importText(largest).api();
    }

    /** Import of 300 resources x 4 methods. */
    @Benchmark
    public RestApi importGenerated300x4() {
        return importer.importText(generated).api();
    }

    /** Building a served Api (deployment compiled) from the 300 x 4 definition. */
    @Benchmark
    public Api buildApiFrom300x4() {
        return Api.builder().restApi(generatedApi).deploy("prod").build();
    }
}
