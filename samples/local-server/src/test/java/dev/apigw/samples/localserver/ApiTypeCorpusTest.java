package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tells the HTTP API definitions of the shared corpus ({@code ../../../shared/corpus/openapi/})
 * from the REST ones as {@code --spec} does without {@code --api-type} (reference 4.1, 4.3): the
 * files the model's HTTP API corpus test lists, YAML and JSON, are HTTP APIs, every other file a
 * REST API. Without the corpus (a user's fresh clone) the test is skipped.
 */
class ApiTypeCorpusTest {
    private static final Path CORPUS = Path.of("../../../shared/corpus/openapi");

    private static final Set<String> HTTP_APIS =
            Set.of(
                    "api-sqs-lambda-python_api.yaml",
                    "apigw-sqs-lambda-java_api.yaml",
                    "apigw-sqs-lambda_api.yaml",
                    "apigw-http-api-sqs-lambda-sls_api.json",
                    "apigw-http-api-fifo-sqs-lambda-sns-sam_api.yaml",
                    "apigw-http-api-eventbridge-java_api.yaml",
                    "apigw-http-api-eventbridge_api.yaml",
                    "apigw-http-api-eventbridge-lambda-sls_api.json",
                    "apigw-sfn_api.yaml",
                    "apigw-appsync-dynamodb-sam_httpapi-spec_api.yaml");

    @Test
    void of_eachCorpusFile_isAnHttpApiExactlyWhenItIsOneOfTheHttpApiFiles() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS + ": skipped");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                            .sorted()
                            .collect(Collectors.toList());
        }

        Set<String> http =
                files.stream()
                        .filter(f -> ApiType.of(f, null) == ApiType.HTTP)
                        .map(f -> f.getFileName().toString())
                        .collect(Collectors.toSet());

        assertThat(files.size()).isGreaterThan(HTTP_APIS.size());
        assertThat(http).isEqualTo(HTTP_APIS);
    }
}
