package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.HttpApi;
import dev.apigw.model.openapi.HttpApiImporter;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP proxy API of the shared corpus ({@code apigw-appsync-dynamodb-sam_httpapi-spec_api.yaml}
 * , reference 4.2, 7.2) imported and served against a real HTTP server standing for its AppSync
 * endpoint. Without the corpus (a user's fresh clone) the test is skipped.
 */
class HttpProxyCorpusTest {
    private static final Path FILE =
            Path.of(
                    "../../shared/corpus/openapi/serverless-patterns/"
                            + "apigw-appsync-dynamodb-sam_httpapi-spec_api.yaml");

    @Test
    void handle_corpusHttpProxyApi_forwardsToTheGraphQlEndpoint() {
        assumeTrue(Files.isRegularFile(FILE), "../shared/corpus not found: test skipped");
        try (LocalHttpServer server = LocalHttpServer.start()) {
            ImportOptions options =
                    ImportOptions.builder()
                            .placeholders(
                                    Map.of(
                                            "AppsyncGraphQLApi.GraphQLUrl",
                                            server.origin() + "/graphql"))
                            .build();
            HttpApi imported = HttpApiImporter.create(options).importFile(FILE).api();
            Api api =
                    Api.builder()
                            .httpApi(imported.toBuilder().stage("$default", s -> {}).build())
                            .build();

            Response response =
                    api.handle(Request.post("/restaurant", "{\"query\":\"{ restaurants }\"}"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode echo = LocalHttpServer.echoed(response.body());
            assertThat(echo.get("method").asText()).isEqualTo("POST");
            assertThat(echo.get("uri").asText()).isEqualTo("/graphql");
            assertThat(new String(LocalHttpServer.echoedBody(echo), StandardCharsets.UTF_8))
                    .isEqualTo("{\"query\":\"{ restaurants }\"}");
            assertThat(api.handle(Request.get("/restaurant")).statusCode()).isEqualTo(404);
        }
    }
}
