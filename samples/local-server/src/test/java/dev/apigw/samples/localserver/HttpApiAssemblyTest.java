package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpStage;
import dev.apigw.model.RouteSettings;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP API {@code --spec} built as the server builds it ({@link ApiAssembly}) and served through
 * {@code Api.handle}: detected by its marker or named by {@code --api-type}, given the stage {@code
 * $default} (served at the root, reference 7.2) or the {@code --stage}, with the {@code
 * --stage-config} settings HTTP API stages have (reference 9.1) and warnings for the rest
 * (reference 10.2, 11.1).
 */
class HttpApiAssemblyTest {
    private static final Path ROUTES =
            Path.of("src/test/resources/fixtures/http-api/routes-api.yaml");
    private static final Path UNMARKED =
            Path.of("src/test/resources/fixtures/http-api/unmarked-api.yaml");

    @TempDir Path dir;

    private static ApiAssembly build(String... args) {
        return ApiAssembly.build(
                ServerOptions.parse(List.of(args)), "http://127.0.0.1:1", null, Gateway::create);
    }

    private static HttpStage onlyStage(ApiAssembly assembly) {
        HttpApi api = assembly.api().httpApi().orElseThrow();
        assertThat(api.stages()).hasSize(1);
        return api.stages().values().iterator().next();
    }

    @Test
    void build_specWithTheImportExportMarker_servesAnHttpApiOnDefaultAtTheRoot() {
        ApiAssembly assembly = build("--spec", ROUTES.toString());

        assertThat(assembly.stage()).isEqualTo(HttpStage.DEFAULT);
        assertThat(onlyStage(assembly).stageName()).isEqualTo(HttpStage.DEFAULT);
        Response response = assembly.api().handle(Request.of("GET", "/nothing/here"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().first("apigw-requestid")).isPresent();
    }

    @Test
    void build_namedStage_servesTheHttpApiUnderItsPrefixOnly() {
        ApiAssembly assembly = build("--spec", ROUTES.toString(), "--stage", "v1");

        assertThat(assembly.stage()).isEqualTo("v1");
        assertThat(onlyStage(assembly).stageName()).isEqualTo("v1");
        assertThat(assembly.api().httpApi().orElseThrow().stages())
                .doesNotContainKey(HttpStage.DEFAULT);
    }

    @Test
    void build_apiTypeHttp_importsASpecWithoutMarkerAsAnHttpApi() {
        ApiAssembly assembly = build("--spec", UNMARKED.toString(), "--api-type", "http");

        assertThat(assembly.api().httpApi()).isPresent();
        assertThat(assembly.warnings().lines())
                .anySatisfy(line -> assertThat(line).contains("No integration defined"));
    }

    @Test
    void build_apiTypeRestOfAnHttpApiSpec_failsNamingTheHttpApiImporter() {
        assertThatThrownBy(() -> build("--spec", ROUTES.toString(), "--api-type", "rest"))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.FAILURE))
                .hasMessageContaining("does not import")
                .hasMessageContaining("HttpApiImporter");
    }

    @Test
    void build_stageConfig_laysVariablesThrottlingAndAccessLogOverTheHttpStage() throws Exception {
        Path config =
                Files.writeString(
                        dir.resolve("stage.json"),
                        "{\"variables\": {\"color\": \"red\", \"size\": \"s\"},"
                                + " \"methodSettings\": {"
                                + "\"*/*\": {\"throttlingBurstLimit\": 10,"
                                + " \"throttlingRateLimit\": 5},"
                                + "\"pets/GET\": {\"throttlingBurstLimit\": 2,"
                                + " \"metricsEnabled\": true}},"
                                + " \"accessLogSettings\": {\"format\": \"$context.requestId\"}}");

        ApiAssembly assembly =
                build(
                        "--spec",
                        ROUTES.toString(),
                        "--stage-config",
                        config.toString(),
                        "--stage-var",
                        "size=m");

        HttpStage stage = onlyStage(assembly);
        assertThat(stage.stageVariables())
                .containsExactly(Map.entry("color", "red"), Map.entry("size", "m"));
        assertThat(stage.defaultRouteSettings()).isEqualTo(new RouteSettings(false, 10, 5.0));
        assertThat(stage.routeSettings())
                .containsExactly(Map.entry("GET /pets", new RouteSettings(true, 2, null)));
        assertThat(stage.settingsOf("GET /pets")).isEqualTo(new RouteSettings(true, 2, 5.0));
        Gateway account = assembly.api().gateway();
        assertThat(stage.accessLogSettings())
                .contains(
                        new AccessLogSettings(
                                "$context.requestId",
                                "arn:aws:logs:"
                                        + account.region()
                                        + ":"
                                        + account.accountId()
                                        + ":log-group:API-Gateway-Access-Logs_"
                                        + assembly.api().httpApi().orElseThrow().id()
                                        + "/$default"));
        assertThat(assembly.warnings().lines())
                .noneSatisfy(line -> assertThat(line).startsWith("--stage-config"));
    }

    @Test
    void build_restOnlySettings_areIgnoredWithOneWarningEach() throws Exception {
        Path config =
                Files.writeString(
                        dir.resolve("stage.json"),
                        "{\"cacheClusterEnabled\": true, \"tracingEnabled\": true,"
                                + " \"methodSettings\": {\"*/*\": {\"cachingEnabled\": true}}}");

        ApiAssembly assembly =
                build(
                        "--spec",
                        ROUTES.toString(),
                        "--stage-config",
                        config.toString(),
                        "--log-level",
                        "INFO",
                        "--api-key",
                        "key-0123456789abcdefghij");

        assertThat(onlyStage(assembly).defaultRouteSettings()).isEqualTo(RouteSettings.NONE);
        assertThat(assembly.warnings().lines())
                .contains(
                        "--stage-config: methodSettings['*/*']: an HTTP API route has only"
                                + " throttling and detailed metrics; the logging and caching"
                                + " fields are ignored",
                        "--stage-config: cacheClusterEnabled: HTTP API stages have none; ignored",
                        "--stage-config: tracingEnabled: HTTP API stages have none; ignored",
                        "--log-level: HTTP APIs write no execution log; ignored",
                        "--api-key: HTTP APIs have no API keys (reference 11.1); ignored");
    }

    @Test
    void routeKey_restSettingsKeys_becomeRouteKeys() {
        List<String> keys = new ArrayList<>();
        for (String key : List.of("pets/GET", "/GET", "~1pets~1{id}/DELETE", "a/b/ANY")) {
            keys.add(HttpStageOverrides.routeKey(key));
        }

        assertThat(keys).containsExactly("GET /pets", "GET /", "DELETE /pets/{id}", "ANY /a/b");
    }

    @Test
    void launch_httpApi_reportsItsTypeAndIdAndHasNoStageCacheToFlush() throws Exception {
        try (RunningServer running =
                LocalServerMain.launch(
                        ServerOptions.parse(List.of("--spec", ROUTES.toString(), "--port", "0")),
                        line -> {},
                        System.err)) {
            assertThat(running.apiType()).isEqualTo(ApiType.HTTP);
            assertThat(running.stage()).isEqualTo(HttpStage.DEFAULT);
            assertThat(running.apiId()).isNotBlank();
            assertThat(LocalServerMain.stageUrl(running.server().baseUrl(), running.stage()))
                    .isEqualTo(running.server().baseUrl());
            HttpResponse<String> flush =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            running.server().baseUrl()
                                                                    + "/_apigw/restapis/"
                                                                    + running.apiId()
                                                                    + "/stages/$default/cache/data"))
                                            .DELETE()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(flush.statusCode()).isEqualTo(404);
            assertThat(flush.body()).contains("Invalid API identifier specified");
        }
    }
}
