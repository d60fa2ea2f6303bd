package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template flags end to end through the shaded jar (issue 12): {@code --template} with {@code
 * --api}, {@code --stage} and {@code --parameter}; a generated API key printed once before {@code
 * Listening on} and accepted (reference 8.2); a non-Java function listed as "bind with --lambda";
 * one line, and no server, for a template with several APIs or stages and no choice, or a SAM
 * function whose code is not built.
 */
class TemplateFlagsIT {
    private static final String TEMPLATE =
            """
            Parameters:
              Greeting: {Type: String, Default: hello}
            Resources:
              AdminApi:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: admin}
              OrdersApi:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: orders}
              Hello:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref OrdersApi
                  ResourceId: !GetAtt OrdersApi.RootResourceId
                  HttpMethod: GET
                  AuthorizationType: NONE
                  ApiKeyRequired: true
                  Integration:
                    Type: MOCK
                    RequestTemplates: {application/json: '{"statusCode": 200}'}
                    IntegrationResponses:
                      - StatusCode: '200'
                        ResponseTemplates: {application/json: '{"greeting": "$stageVariables.greeting"}'}
                  MethodResponses: [{StatusCode: '200'}]
              Deployment:
                Type: AWS::ApiGateway::Deployment
                DependsOn: Hello
                Properties: {RestApiId: !Ref OrdersApi}
              Dev:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref OrdersApi
                  DeploymentId: !Ref Deployment
                  StageName: dev
                  Variables: {greeting: !Ref Greeting}
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties: {RestApiId: !Ref OrdersApi, DeploymentId: !Ref Deployment, StageName: prod}
              Plan:
                Type: AWS::ApiGateway::UsagePlan
                Properties:
                  ApiStages: [{ApiId: !Ref OrdersApi, Stage: !Ref Dev}]
              Key:
                Type: AWS::ApiGateway::ApiKey
                Properties: {Name: partner, Enabled: true}
              PlanKey:
                Type: AWS::ApiGateway::UsagePlanKey
                Properties: {KeyId: !Ref Key, KeyType: API_KEY, UsagePlanId: !Ref Plan}
              Python:
                Type: AWS::Lambda::Function
                Properties: {Runtime: python3.12, Handler: app.handler, Code: src/}
            """;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServerProcess> processes = new ArrayList<>();
    @TempDir Path dir;

    @AfterEach
    void killAll() {
        processes.forEach(ServerProcess::close);
    }

    private Path template() throws Exception {
        return Files.writeString(dir.resolve("template.yaml"), TEMPLATE, StandardCharsets.UTF_8);
    }

    @Test
    void template_chosenApiAndStage_servesWithTheGeneratedKeyAndParameters() throws Exception {
        ServerProcess process =
                ServerProcess.start(
                        List.of(
                                "--template", template().toString(),
                                "--api", "OrdersApi",
                                "--stage", "dev",
                                "--parameter", "Greeting=bonjour",
                                "--port", "0"));
        processes.add(process);

        String warning = process.awaitLine("apigw-local: warning: function Python");
        String keyLine = process.awaitLine("API key partner: ");
        String url = process.awaitLine("Listening on ").substring("Listening on ".length());

        assertThat(warning)
                .isEqualTo(
                        "apigw-local: warning: function Python (python3.12) is not Java: bind it"
                                + " with --lambda Python=CLASS");
        assertThat(url).endsWith("/dev");
        String key = keyLine.substring("API key partner: ".length());
        assertThat(key).matches("[A-Za-z0-9]{40}");
        HttpResponse<String> without = get(url + "/", null);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        HttpResponse<String> with = get(url + "/", key);
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(with.body()).isEqualTo("{\"greeting\": \"bonjour\"}");
    }

    @Test
    void template_severalApis_oneLineNamingThem() throws Exception {
        ServerProcess.Result result =
                ServerProcess.run(List.of("--template", template().toString()), dir);

        assertThat(result.exitStatus()).isEqualTo(LaunchException.USAGE);
        assertThat(result.stderr())
                .isEqualTo(
                        "apigw-local: the template defines several APIs AdminApi, OrdersApi:"
                                + " choose one with --api"
                                + System.lineSeparator());
    }

    @Test
    void template_severalStages_oneLineNamingThem() throws Exception {
        ServerProcess.Result result =
                ServerProcess.run(
                        List.of("--template", template().toString(), "--api", "OrdersApi"), dir);

        assertThat(result.exitStatus()).isEqualTo(LaunchException.USAGE);
        assertThat(result.stderr())
                .isEqualTo(
                        "apigw-local: OrdersApi has several stages dev, prod: choose one with"
                                + " --stage"
                                + System.lineSeparator());
    }

    @Test
    void template_samFunctionNotBuilt_oneLineSayingToRunTheBuild() throws Exception {
        Path function = Files.createDirectories(dir.resolve("HelloFunction"));
        Files.writeString(function.resolve("pom.xml"), "<project/>");
        Files.createDirectories(function.resolve("src/main/java"));
        Path sam =
                Files.writeString(
                        dir.resolve("sam.yaml"),
                        """
                        Transform: AWS::Serverless-2016-10-31
                        Resources:
                          HelloFunction:
                            Type: AWS::Serverless::Function
                            Properties:
                              CodeUri: HelloFunction
                              Handler: hello.App::handleRequest
                              Runtime: java17
                              Events:
                                Hello: {Type: Api, Properties: {Path: /hello, Method: get}}
                        """);

        ServerProcess.Result result = ServerProcess.run(List.of("--template", sam.toString()), dir);

        assertThat(result.exitStatus()).isEqualTo(LaunchException.FAILURE);
        assertThat(result.stderr().lines().count()).isEqualTo(1);
        assertThat(result.stderr())
                .startsWith("apigw-local: HelloFunction: ")
                .contains("sam build");
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("x-api-key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
