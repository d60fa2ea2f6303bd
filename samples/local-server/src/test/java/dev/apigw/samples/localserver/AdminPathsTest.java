package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.ApiKey;
import dev.apigw.model.UsagePlan;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's own paths under {@code /_apigw/}, through a real server on an ephemeral port:
 * metrics as Prometheus text, FlushStageAuthorizersCache (reference 9.3), GetUsage (reference 8.2),
 * AWS's 404s.
 */
class AdminPathsTest {
    private static final String SPEC =
            String.join(
                    "\n",
                    "openapi: 3.0.1",
                    "info: {title: ops, version: '1'}",
                    "paths:",
                    "  /whoami:",
                    "    get:",
                    "      security: [{tokenAuth: []}]",
                    "      responses: {'200': {description: ok}}",
                    "      x-amazon-apigateway-integration:",
                    "        type: mock",
                    "        requestTemplates: {application/json: '{\"statusCode\": 200}'}",
                    "        responses:",
                    "          default:",
                    "            statusCode: '200'",
                    "            responseTemplates:",
                    "              application/json: '{\"call\": \"$context.authorizer.call\"}'",
                    "  /fresh:",
                    "    get:",
                    "      responses: {'200': {description: ok}}",
                    "      x-amazon-apigateway-integration:",
                    "        type: mock",
                    "        requestTemplates: {application/json: '{\"statusCode\": 200}'}",
                    "        responses:",
                    "          default:",
                    "            statusCode: '200'",
                    "            responseTemplates:",
                    "              application/json: '{\"id\": \"$context.requestId\"}'",
                    "  /keyed:",
                    "    get:",
                    "      security: [{api_key: []}]",
                    "      responses: {'200': {description: ok}}",
                    "      x-amazon-apigateway-integration:",
                    "        type: mock",
                    "        requestTemplates: {application/json: '{\"statusCode\": 200}'}",
                    "        responses: {default: {statusCode: '200'}}",
                    "components:",
                    "  securitySchemes:",
                    "    api_key: {type: apiKey, name: x-api-key, in: header}",
                    "    tokenAuth:",
                    "      type: apiKey",
                    "      name: Authorization",
                    "      in: header",
                    "      x-amazon-apigateway-authtype: custom",
                    "      x-amazon-apigateway-authorizer:",
                    "        type: token",
                    "        authorizerResultTtlInSeconds: 300",
                    "        authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                            + "functions/arn:aws:lambda:us-east-1:123456789012:function:AuthFunction/"
                            + "invocations",
                    "");

    /** A token authorizer that allows every token and tells each call apart in its context. */
    public static final class CallAuthorizer
            implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Map<String, Object> statement =
                    Map.of(
                            "Action",
                            "execute-api:Invoke",
                            "Effect",
                            "Allow",
                            "Resource",
                            event.get("methodArn"));
            return Map.of(
                    "principalId",
                    "user",
                    "policyDocument",
                    Map.of("Version", "2012-10-17", "Statement", List.of(statement)),
                    "context",
                    Map.of("call", UUID.randomUUID().toString()));
        }
    }

    private static final String API_KEY = "local-key-0123456789abcdef";

    @TempDir Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> out = new ArrayList<>();
    private RunningServer running;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), SPEC);
        Path stage =
                Files.writeString(
                        dir.resolve("stage.json"),
                        "{\"cacheClusterEnabled\": true, \"cacheClusterSize\": \"0.5\","
                                + " \"methodSettings\": {\"whoami/GET\":"
                                + " {\"cachingEnabled\": false}}}");
        running =
                LocalServerMain.launch(
                        ServerOptions.parse(
                                List.of(
                                        "--spec",
                                        spec.toString(),
                                        "--port",
                                        "0",
                                        "--log-level",
                                        "OFF",
                                        "--api-key",
                                        API_KEY,
                                        "--stage-config",
                                        stage.toString(),
                                        "--lambda",
                                        "AuthFunction=" + CallAuthorizer.class.getName())),
                        out::add,
                        new PrintStream(
                                PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        base = running.server().baseUrl();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String restApiId() {
        return running.apiId();
    }

    @Test
    void metrics_get_servesTheRegistryAsPrometheusText() throws Exception {
        running.metrics().counter("Count", "ApiName", "ops", "Stage", "dev").increment(3);

        HttpResponse<String> response = send("GET", "/_apigw/metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE aws_apigateway_Count_total counter")
                .contains("aws_apigateway_Count_total{ApiName=\"ops\",Stage=\"dev\"} 3.0");
    }

    @Test
    void metrics_pathOutsideEveryStage_neverReachesTheApi() throws Exception {
        HttpResponse<String> response = send("GET", "/_apigw/metrics", null);

        assertThat(response.headers().firstValue("Content-Type"))
                .contains(AdminPaths.PROMETHEUS_TEXT);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isEmpty();
    }

    @Test
    void flushAuthorizers_delete_answers202AndTheNextCallAsksTheAuthorizerAgain() throws Exception {
        String first = send("GET", "/dev/whoami", "token-1").body();
        assertThat(send("GET", "/dev/whoami", "token-1").body()).isEqualTo(first);

        HttpResponse<String> flush =
                send(
                        "DELETE",
                        "/_apigw/restapis/" + restApiId() + "/stages/dev/cache/authorizers",
                        null);

        assertThat(flush.statusCode()).isEqualTo(202);
        assertThat(flush.body()).isEmpty();
        assertThat(send("GET", "/dev/whoami", "token-1").body())
                .startsWith("{\"call\": \"")
                .isNotEqualTo(first);
    }

    @Test
    void flushCache_delete_answers202AndTheNextGetGoesToTheIntegration() throws Exception {
        String first = send("GET", "/dev/fresh", null).body();
        assertThat(send("GET", "/dev/fresh", null).body()).isEqualTo(first);

        HttpResponse<String> flush =
                send("DELETE", "/_apigw/restapis/" + restApiId() + "/stages/dev/cache/data", null);

        assertThat(flush.statusCode()).isEqualTo(202);
        assertThat(flush.body()).isEmpty();
        assertThat(send("GET", "/dev/fresh", null).body())
                .startsWith("{\"id\": \"")
                .isNotEqualTo(first);
    }

    @Test
    void flushCache_unknownStage_answersAwsNotFound() throws Exception {
        HttpResponse<String> response =
                send("DELETE", "/_apigw/restapis/" + restApiId() + "/stages/prod/cache/data", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .isEqualTo("{\"message\":\"Invalid stage identifier specified\"}");
    }

    @Test
    void flushAuthorizers_unknownApi_answersAwsNotFound() throws Exception {
        HttpResponse<String> response =
                send("DELETE", "/_apigw/restapis/nope/stages/dev/cache/authorizers", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("NotFoundException");
        assertThat(response.body())
                .isEqualTo("{\"message\":\"Invalid API identifier specified 123456789012:nope\"}");
    }

    @Test
    void flushAuthorizers_unknownStage_answersAwsNotFound() throws Exception {
        HttpResponse<String> response =
                send(
                        "DELETE",
                        "/_apigw/restapis/" + restApiId() + "/stages/prod/cache/authorizers",
                        null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .isEqualTo("{\"message\":\"Invalid stage identifier specified\"}");
    }

    @Test
    void usage_planAndKey_answersGetUsagesShapeWithTheRequestsCounted() throws Exception {
        HttpRequest keyed =
                HttpRequest.newBuilder(URI.create(base + "/dev/keyed"))
                        .header("x-api-key", API_KEY)
                        .build();
        assertThat(http.send(keyed, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(http.send(keyed, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        String planId = UsagePlan.builder().name("local").build().id();
        String keyId = ApiKey.builder().name("local-1").value(API_KEY).build().id();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        HttpResponse<String> response =
                send(
                        "GET",
                        "/_apigw/usageplans/"
                                + planId
                                + "/usage?keyId="
                                + keyId
                                + "&startDate="
                                + today.minusDays(1)
                                + "&endDate="
                                + today.plusDays(1),
                        null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode usage = new ObjectMapper().readTree(response.body());
        assertThat(usage.get("usagePlanId").asText()).isEqualTo(planId);
        assertThat(usage.get("startDate").asText()).isEqualTo(today.minusDays(1).toString());
        JsonNode days = usage.get("values").get(keyId);
        assertThat(days).hasSize(3);
        long used = 0;
        for (JsonNode day : days) {
            used += day.get(0).asLong();
        }
        assertThat(used).isEqualTo(2);
    }

    @Test
    void usage_unknownPlan_answers404NamingIt() throws Exception {
        HttpResponse<String> response =
                send(
                        "GET",
                        "/_apigw/usageplans/nope/usage?startDate=2026-01-01&endDate=2026-01-02",
                        null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("NotFoundException");
        assertThat(response.body()).startsWith("{\"message\":\"").contains("nope");
    }

    @Test
    void usage_missingOrBadDates_answer400() throws Exception {
        String plan = "/_apigw/usageplans/" + UsagePlan.builder().name("local").build().id();
        for (String query :
                List.of(
                        "",
                        "?startDate=2026-01-01",
                        "?startDate=2026-13-01&endDate=2026-12-01",
                        "?startDate=2026-01-02&endDate=2026-01-01")) {
            HttpResponse<String> response = send("GET", plan + "/usage" + query, null);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                    .as(query)
                    .contains("BadRequestException");
        }
    }

    @Test
    void knownPath_otherMethod_answers405WithAllow() throws Exception {
        HttpResponse<String> response = send("POST", "/_apigw/metrics", null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void unknownPath_answers404NamingThePaths() throws Exception {
        for (String path : List.of("/_apigw", "/_apigw/", "/_apigw/metrics/", "/_apigw/nope")) {
            HttpResponse<String> response = send("GET", path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("GET /_apigw/metrics");
        }
    }

    @Test
    void pathThatOnlyStartsLikeTheServersOwn_goesToTheApi() throws Exception {
        HttpResponse<String> response = send("GET", "/_apigwx/metrics", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }
}
