package dev.apigw.benchmarks;

import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.cloudformation.CloudFormationImporter;
import dev.apigw.model.cloudformation.LargeTemplates;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * Measures the import of templates (issue 12): a plain CloudFormation template with 300 {@code
 * AWS::ApiGateway::Resource}s (AWS's limit per API) and their methods, deployment, stage and usage
 * plan (607 resources in all), and a SAM template from the corpus (the transform included); then
 * the whole path to a served API: import, {@code Api.builder().definition(...)} and {@code build()}
 * (route trie, templates compiled), and a first request answered. The reference beside it is the
 * OpenAPI import of a 300-resource definition ({@link OpenApiImportBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateImportBenchmark {
    private static final Path HERE = Path.of(".");

    private final CloudFormationImporter importer = CloudFormationImporter.create();
    private String large;
    private String sam;

    /** Generates the large template and reads the corpus's SAM hello-world template. */
    @Setup
    public void setUp() {
        large = LargeTemplates.restApiWith(300);
        sam = resource("/cloudformation/corpus/13-sam-init-java17-hello-maven.yaml");
    }

    private static String resource(String name) {
        try (InputStream in = TemplateImportBenchmark.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the 300-resource CloudFormation template. */
    @Benchmark
    public GatewayDefinition importLargeTemplate() {
        return importer.importText(large, HERE);
    }

    /** Imports the SAM hello-world template (SAM transform, implicit API). */
    @Benchmark
    public GatewayDefinition importSamTemplate() {
        return importer.importText(sam, HERE);
    }

    /** Imports the 300-resource template, builds its served API and answers one MOCK request. */
    @Benchmark
    public Response largeTemplateToFirstAnswer() {
        Api api = Api.builder().definition(importer.importText(large, HERE), "Api", "prod").build();
        return api.handle(Request.of("GET", "/prod/res0"));
    }
}
