package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.samples.localserver.demo.DemoApi;
import java.net.ServerSocket;
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

/** End to end: the shaded {@code apigw-local.jar} that {@code package} built, as a process. */
class LocalServerIT {
    private static final String KEY = "it-key-0123456789abcdefgh";
    private static final Path HELLO_SPEC =
            Path.of("src/test/resources/fixtures/local-server/" + "hello-api.yaml");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServerProcess> processes = new ArrayList<>();
    @TempDir Path dir;

    @AfterEach
    void killAll() {
        processes.forEach(ServerProcess::close);
    }

    private String start(List<String> args) throws Exception {
        ServerProcess process = ServerProcess.start(args);
        processes.add(process);
        String line = process.awaitLine("Listening on ");
        assertThat(line).matches("Listening on http://127\\.0\\.0\\.1:[0-9]+/[a-z0-9]+");
        return line.substring("Listening on ".length());
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void demo_everyIntegrationKind_answersOverHttpAndStopsOnSigterm() throws Exception {
        String base = start(List.of("--port", "0", "--api-key", KEY));
        String port = base.replaceAll(".*:([0-9]+)/dev", "$1");

        assertThat(get(base + "/health").body())
                .isEqualTo(
                        "{\"status\": \"ok\", \"stage\":"
                                + " \"dev\", \"domainName\": \"127.0.0.1:"
                                + port
                                + "\", \"sourceIp\":"
                                + " \"127.0.0.1\"}");
        HttpResponse<String> pets = get(base + "/pets/2");
        assertThat(pets.statusCode()).isEqualTo(200);
        assertThat(pets.body()).isEqualTo("{\"id\":\"2\",\"type\":\"cat\",\"price\":124.99}");
        assertThat(get(base + "/pets/1/price?currency=EUR").body())
                .isEqualTo("{\"pet\": \"1\", \"price\": 125.0, \"currency\": \"EUR\"}");
        HttpResponse<String> noPet = get(base + "/pets/9/price");
        assertThat(noPet.statusCode()).isEqualTo(404);
        assertThat(noPet.body()).isEqualTo("{\"message\": \"Not found: pet 9\"}");
        HttpResponse<String> proxied = get(base + "/backend/a/b?q=1", "X-Trace-Me", "yes");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("x-echo")).contains("true");
        assertThat(proxied.body())
                .contains("\"path\":\"/_echo/a/b\"", "\"query\":\"q=1\"", "\"x-trace-me\":\"yes\"");
        HttpResponse<String> unknown = get(base + "/owners");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType"))
                .contains("MissingAuthenticationTokenException");
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

        ServerProcess server = processes.get(0);
        assertThat(server.isAlive()).isTrue();
        assertThat(server.stop()).as("exit status after SIGTERM").isEqualTo(143);
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void demo_apiKeys_fromTheDemoAndTheCommandLineAreAccepted() throws Exception {
        String base = start(List.of("--port", "0", "--api-key", KEY));
        String pet = "{\"type\":\"fish\",\"price\":3}";

        HttpResponse<String> without = post(base + "/pets", pet);
        HttpResponse<String> wrong =
                post(base + "/pets", pet, "x-api-key", "wrong-key-0123456789abcdef");
        HttpResponse<String> demoKey = post(base + "/pets", pet, "x-api-key", DemoApi.API_KEY);
        HttpResponse<String> cliKey = post(base + "/pets", pet, "x-api-key", KEY);

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.headers().firstValue("X-Demo-Hint"))
                .contains("send the demo key in x-api-key");
        assertThat(without.body())
                .isEqualTo("{\"message\": \"Forbidden: POST /pets needs an API key\"}");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(demoKey.statusCode()).isEqualTo(201);
        assertThat(demoKey.body()).isEqualTo("{\"id\":\"3\"}");
        assertThat(cliKey.statusCode()).isEqualTo(201);
        assertThat(cliKey.body()).isEqualTo("{\"id\":\"4\"}");
    }

    @Test
    void demo_rawTarget_reachesTheRouterUnchanged() throws Exception {
        String base = start(List.of("--port", "0"));

        HttpResponse<String> echo = get(base + "/echo//a%2Bb+c/%2F?x=1&x=2");

        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.body())
                .contains(
                        "\"path\":\"/echo//a%2Bb+c/%2F\"",
                        "\"resource\":\"/echo/{proxy+}\"",
                        "\"proxy\":\"a%2Bb+c/%2F\"",
                        "\"multiValueQueryStringParameters\":{\"x\":[\"1\",\"2\"]}");
    }

    @Test
    void spec_withVarsStageVariablesAndCompiledHandler_serves() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        HelloHandlerSource.compile(dir, classes, "\"hello from \" + event.get(\"path\")");

        String base =
                start(
                        List.of(
                                "--port",
                                "0",
                                "--spec",
                                HELLO_SPEC.toString(),
                                "--stage",
                                "v1",
                                "--var",
                                "Greeting=hi=there",
                                "--stage-var",
                                "color=blue",
                                "--lambda",
                                "HelloFunction=example.HelloHandler",
                                "--lambda",
                                "UnusedFunction=example.HelloHandler",
                                "--classpath",
                                classes.toString()));

        assertThat(base).endsWith("/v1");
        assertThat(get(base + "/greeting").body())
                .isEqualTo("{\"greeting\": \"hi=there\", \"stage\": \"v1\", \"color\": \"blue\"}");
        HttpResponse<String> hello = get(base + "/hello/world%2B1");
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("hello from /hello/world%2B1");
    }

    @Test
    void help_printsUsageAndExitsZero() throws Exception {
        ServerProcess.Result result = ServerProcess.run(List.of("--help"), dir);

        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdout())
                .startsWith("Usage: java -jar apigw-local.jar")
                .contains("--stage-var K=V", "--classpath PATHS", "0 picks a free port");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void version_printsTheProjectVersionFromTheManifest() throws Exception {
        ServerProcess.Result result = ServerProcess.run(List.of("--version"), dir);

        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdout().strip()).matches("apigw-local \\d+\\.\\d+\\.\\d+.*");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void badFlag_printsOneLineAndExitsTwo() throws Exception {
        assertOneLineFailure(
                List.of("--prot", "0"), 2, "apigw-local: unknown option --prot (see --help)");
    }

    @Test
    void missingSpec_printsOneLineAndExitsOne() throws Exception {
        assertOneLineFailure(
                List.of("--port", "0", "--spec", "no/such/api.yaml"),
                1,
                "apigw-local: spec file not found: no/such/api.yaml");
    }

    @Test
    void specThatDoesNotImport_namesTheJsonPointer() throws Exception {
        ServerProcess.Result result =
                assertOneLineFailure(
                        List.of("--port", "0", "--spec", HELLO_SPEC.toString()), 1, null);

        assertThat(result.stderr())
                .startsWith(
                        "apigw-local: spec "
                                + HELLO_SPEC
                                + " does not import: /paths/~1greeting/get/")
                .contains("Greeting");
    }

    @Test
    void missingHandlerClass_printsOneLineAndExitsOne() throws Exception {
        assertOneLineFailure(
                List.of("--port", "0", "--lambda", "PetsFunction=com.example.Nope"),
                1,
                "apigw-local: --lambda PetsFunction=com.example.Nope: class com.example.Nope"
                        + " not found on the classpath");
    }

    @Test
    void portInUse_printsOneLineAndExitsOne() throws Exception {
        try (ServerSocket taken =
                new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            ServerProcess.Result result =
                    assertOneLineFailure(
                            List.of("--port", Integer.toString(taken.getLocalPort())), 1, null);

            assertThat(result.stderr().strip())
                    .isEqualTo(
                            "apigw-local: cannot listen on"
                                    + " 127.0.0.1:"
                                    + taken.getLocalPort()
                                    + ": Address already in use");
        }
    }

    private ServerProcess.Result assertOneLineFailure(List<String> args, int status, String line)
            throws Exception {
        ServerProcess.Result result = ServerProcess.run(args, dir);

        assertThat(result.exitStatus()).isEqualTo(status);
        assertThat(result.stderr().lines()).hasSize(1);
        assertThat(result.stderr()).doesNotContain("\tat ", "Exception");
        if (line != null) {
            assertThat(result.stderr().strip()).isEqualTo(line);
        }
        assertThat(result.stdout()).doesNotContain("Listening on");
        return result;
    }
}
