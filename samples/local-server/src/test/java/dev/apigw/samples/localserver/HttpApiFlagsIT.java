package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP APIs through the shaded jar: a spec with {@code x-amazon-apigateway-importexport-version}
 * served on {@code $default} at the root (reference 7.2: {@code Listening on http://HOST:PORT}, no
 * stage suffix) or under a named stage, {@code --api-type}, and the help text.
 */
class HttpApiFlagsIT {
    private static final Path ROUTES =
            Path.of("src/test/resources/fixtures/http-api/routes-api.yaml");
    private static final Path HELLO =
            Path.of("src/test/resources/fixtures/http-api/hello-http-api.yaml");
    private static final Path UNMARKED =
            Path.of("src/test/resources/fixtures/http-api/unmarked-api.yaml");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServerProcess> processes = new ArrayList<>();
    @TempDir Path dir;

    @AfterEach
    void killAll() {
        processes.forEach(ServerProcess::close);
    }

    private ServerProcess start(List<String> args) throws Exception {
        ServerProcess process = ServerProcess.start(args);
        processes.add(process);
        return process;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String url(String listening) {
        return listening.substring("Listening on ".length());
    }

    @Test
    void spec_httpApi_servesDefaultStageAtTheRoot() throws Exception {
        ServerProcess server = start(List.of("--spec", ROUTES.toString(), "--port", "0"));

        String admin = server.awaitLine("Admin paths: ");
        String listening = server.awaitLine("Listening on ");

        assertThat(admin)
                .matches(
                        "Admin paths: http://127\\.0\\.0\\.1:[0-9]+/_apigw/ \\(HTTP API"
                                + " [a-z0-9]+, stage \\$default\\)");
        assertThat(listening).matches("Listening on http://127\\.0\\.0\\.1:[0-9]+");
        HttpResponse<String> response = get(url(listening) + "/pets/unknown");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    void spec_httpApiWithNamedStage_servesUnderTheStage() throws Exception {
        ServerProcess server =
                start(List.of("--spec", ROUTES.toString(), "--stage", "v1", "--port", "0"));

        String admin = server.awaitLine("Admin paths: ");
        String listening = server.awaitLine("Listening on ");

        assertThat(admin).endsWith(", stage v1)");
        assertThat(listening).matches("Listening on http://127\\.0\\.0\\.1:[0-9]+/v1");
        HttpResponse<String> response = get(url(listening) + "/pets/unknown");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    private List<String> helloArgs(String... more) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        HelloHandlerSource.compile(
                dir,
                classes,
                "event.get(\"routeKey\") + \" on \" + ((Map<?, ?>)"
                        + " event.get(\"requestContext\")).get(\"stage\")"
                        + " + \" \" + event.get(\"version\")");
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--spec",
                                HELLO.toString(),
                                "--lambda",
                                "HelloFunction=example.HelloHandler",
                                "--classpath",
                                classes.toString(),
                                "--port",
                                "0"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void spec_lambdaHttpApi_callsTheBoundHandlerWithAPayload2EventAtTheRoot() throws Exception {
        ServerProcess server = start(helloArgs());

        String base = url(server.awaitLine("Listening on "));
        HttpResponse<String> response = get(base + "/hello/world");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("GET /hello/{name} on $default 2.0");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    void spec_lambdaHttpApiOnANamedStage_callsTheHandlerUnderTheStageOnly() throws Exception {
        ServerProcess server = start(helloArgs("--stage", "v1"));

        String base = url(server.awaitLine("Listening on "));
        HttpResponse<String> staged = get(base + "/hello/world");
        HttpResponse<String> root =
                get(base.substring(0, base.length() - "/v1".length()) + "/hello/world");

        assertThat(staged.statusCode()).isEqualTo(200);
        assertThat(staged.body()).isEqualTo("GET /hello/{name} on v1 2.0");
        assertThat(root.statusCode()).isEqualTo(404);
        assertThat(root.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void spec_lambdaHttpApiWithoutBinding_warnsNamingTheRoute() throws Exception {
        ServerProcess server = start(List.of("--spec", HELLO.toString(), "--port", "0"));

        assertThat(server.awaitLine("apigw-local: warning: GET /hello/{name}: "))
                .endsWith(
                        "no Lambda function is bound for HelloFunction; bind it with --lambda"
                                + " HelloFunction=CLASS");
    }

    @Test
    void apiTypeHttp_specWithoutMarker_isServedAsAnHttpApi() throws Exception {
        ServerProcess server =
                start(List.of("--spec", UNMARKED.toString(), "--api-type", "http", "--port", "0"));

        assertThat(server.awaitLine("Admin paths: ")).contains("(HTTP API ");
        assertThat(server.awaitLine("Listening on "))
                .matches("Listening on http://127\\.0\\.0\\.1:[0-9]+");
    }

    @Test
    void apiTypeRest_httpApiSpec_printsOneLineAndExitsOne() throws Exception {
        ServerProcess.Result result =
                ServerProcess.run(
                        List.of("--spec", ROUTES.toString(), "--api-type", "rest", "--port", "0"),
                        dir);

        assertThat(result.exitStatus()).isEqualTo(1);
        assertThat(result.stderr().lines().toList())
                .singleElement()
                .satisfies(
                        line ->
                                assertThat(line)
                                        .startsWith("apigw-local: spec ")
                                        .contains("HttpApiImporter"));
        assertThat(result.stdout()).doesNotContain("Listening on");
    }

    @Test
    void help_documentsHttpApiFlags() throws Exception {
        ServerProcess.Result result = ServerProcess.run(List.of("--help"), dir);

        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdout())
                .contains("--api-type TYPE", "--jwks ISSUER=SOURCE", "default is $default");
    }
}
