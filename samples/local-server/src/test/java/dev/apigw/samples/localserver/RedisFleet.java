package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet of local server processes (the jar) on one Redis for a two-process test (issue 16;
 * reference 8.2, 9.3): a template of its own (an API, usage plan of quota {@link #QUOTA} and key
 * whose logical ids end with a random tag, so tests on one shared Redis never share a counter or a
 * cache entry) with a mock {@code POST /quota} behind the key and a cached {@code GET /cached}
 * proxied to a backend that counts its calls. Closed after the test: the servers and the backend.
 */
final class RedisFleet implements AutoCloseable {
    static final int QUOTA = 40;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServerProcess> processes = new ArrayList<>();
    private final AtomicInteger backendCalls = new AtomicInteger();
    private final String tag = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String redisUri;
    private final HttpServer backend;
    private final Path template;

    private RedisFleet(String redisUri, HttpServer backend, Path dir) throws IOException {
        this.redisUri = redisUri;
        this.backend = backend;
        this.template = writeTemplate(dir);
    }

    /** Starts the backend and writes the template in {@code dir}; no server runs yet. */
    static RedisFleet open(String redisUri, Path dir) throws IOException {
        HttpServer backend =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RedisFleet fleet = new RedisFleet(redisUri, backend, dir);
        backend.createContext(
                "/count",
                exchange -> {
                    byte[] body =
                            ("call " + fleet.backendCalls.incrementAndGet())
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        backend.start();
        return fleet;
    }

    private Path writeTemplate(Path dir) throws IOException {
        String backendUrl = "http://127.0.0.1:" + backend.getAddress().getPort() + "/count";
        String template =
                """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Api%1$s:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Name: fleet
                      Body:
                        openapi: 3.0.1
                        info: {title: fleet, version: "1"}
                        paths:
                          /quota:
                            post:
                              security: [{api_key: []}]
                              responses: {"200": {description: ok}}
                              x-amazon-apigateway-integration:
                                type: mock
                                requestTemplates: {application/json: '{"statusCode": 200}'}
                                responses: {default: {statusCode: "200"}}
                          /cached:
                            get:
                              responses: {"200": {description: ok}}
                              x-amazon-apigateway-integration:
                                type: http_proxy
                                httpMethod: GET
                                uri: %2$s
                        components:
                          securitySchemes:
                            api_key: {type: apiKey, name: x-api-key, in: header}
                  Deployment:
                    Type: AWS::ApiGateway::Deployment
                    Properties: {RestApiId: !Ref Api%1$s}
                  Live:
                    Type: AWS::ApiGateway::Stage
                    Properties:
                      RestApiId: !Ref Api%1$s
                      DeploymentId: !Ref Deployment
                      StageName: live
                      CacheClusterEnabled: true
                      CacheClusterSize: "0.5"
                      MethodSettings:
                        - {ResourcePath: /~1cached, HttpMethod: GET, CachingEnabled: true, CacheTtlInSeconds: 300}
                  Plan%1$s:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      ApiStages: [{ApiId: !Ref Api%1$s, Stage: !Ref Live}]
                      Quota: {Limit: %3$d, Period: DAY}
                  Key%1$s:
                    Type: AWS::ApiGateway::ApiKey
                    Properties: {Name: partner, Enabled: true, Value: %4$s}
                  PlanKey:
                    Type: AWS::ApiGateway::UsagePlanKey
                    Properties: {KeyId: !Ref Key%1$s, KeyType: API_KEY, UsagePlanId: !Ref Plan%1$s}
                """
                        .formatted(tag, backendUrl, QUOTA, apiKey());
        return Files.writeString(dir.resolve("fleet.yaml"), template, StandardCharsets.UTF_8);
    }

    /** Returns the template's path. */
    Path template() {
        return template;
    }

    /** Returns how many calls the backend answered. */
    AtomicInteger backendCalls() {
        return backendCalls;
    }

    /** Starts a server of the template on this fleet's Redis with {@code flags} too. */
    ServerProcess start(String... flags) throws IOException {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--template",
                                template.toString(),
                                "--redis",
                                redisUri,
                                "--port",
                                "0"));
        args.addAll(List.of(flags));
        ServerProcess process = ServerProcess.start(args);
        processes.add(process);
        return process;
    }

    /**
     * Starts a server with the default policy (fail-open) and {@code flags}, and returns its stage
     * URL.
     */
    String serve(String... flags) throws Exception {
        ServerProcess process = start(flags);
        String stores = process.awaitLine("Stores on Redis at ");
        assertThat(stores)
                .endsWith(
                        ": throttles, quotas and usage, stage cache, authorizer cache (fail-open)");
        return stageUrl(process);
    }

    /** Returns the stage URL {@code process} prints once it listens. */
    static String stageUrl(ServerProcess process) throws InterruptedException {
        return process.awaitLine("Listening on ").substring("Listening on ".length());
    }

    /** Posts to the quota's method with the plan's key. */
    HttpResponse<String> postQuota(String stageUrl) {
        return send(
                HttpRequest.newBuilder(URI.create(stageUrl + "/quota"))
                        .header("x-api-key", apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    /** Gets the cached method. */
    HttpResponse<String> getCached(String stageUrl) {
        return send(HttpRequest.newBuilder(URI.create(stageUrl + "/cached")).GET());
    }

    private String apiKey() {
        return "fleet-partner-key-" + tag;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    @Override
    public void close() {
        processes.forEach(ServerProcess::close);
        backend.stop(0);
    }
}
