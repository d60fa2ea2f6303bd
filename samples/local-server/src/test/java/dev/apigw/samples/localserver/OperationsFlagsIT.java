package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations flags end to end through the shaded jar (issue 13): {@code --stage-config} with
 * {@code --spec} and over a template's stage (reference 9.1), a method throttle answering 429 past
 * its burst (reference 9.4), the execution log on standard error at {@code --log-level} (reference
 * 10.2), the server's own paths under {@code /_apigw/} (metrics as Prometheus text,
 * FlushStageAuthorizersCache, reference 9.3), and a bad stage configuration refused in one line.
 */
class OperationsFlagsIT {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/operations");
    private static final String TOO_MANY = "{\"message\":\"Too Many Requests\"}";

    @TempDir Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ServerProcess> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(ServerProcess::close);
    }

    private ServerProcess start(List<String> args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(args);
        ServerProcess process = ServerProcess.startApart(all);
        started.add(process);
        return process;
    }

    private HttpResponse<String> send(String method, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Returns {@code [base URL, REST API id]} from the {@code Admin paths:} line. */
    private static String[] admin(ServerProcess process) throws Exception {
        String line = process.awaitLine("Admin paths: ");
        String base = line.substring("Admin paths: ".length(), line.indexOf("/_apigw/"));
        String id = line.replaceAll(".*\\(REST API (\\w+), stage \\w+\\)$", "$1");
        return new String[] {base, id};
    }

    @Test
    void specWithStageConfig_variablesAndMethodThrottleApply() throws Exception {
        ServerProcess server =
                start(
                        List.of(
                                "--spec",
                                FIXTURES.resolve("ops-api.yaml").toString(),
                                "--stage-config",
                                FIXTURES.resolve("stage.json").toString()));
        String url = server.awaitLine("Listening on ").substring("Listening on ".length());

        assertThat(send("GET", url + "/greeting").body()).isEqualTo("{\"color\": \"blue\"}");
        assertThat(send("GET", url + "/limited").statusCode()).isEqualTo(200);
        assertThat(send("GET", url + "/limited").statusCode()).isEqualTo(200);
        HttpResponse<String> third = send("GET", url + "/limited");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).isEqualTo(TOO_MANY);
        assertThat(send("GET", url + "/greeting").statusCode()).isEqualTo(200);
        assertThat(server.awaitLine("access ")).matches("access \\S+ GET /greeting 200");
    }

    @Test
    void adminPaths_answerTheirStatusesOutsideEveryStage() throws Exception {
        ServerProcess server =
                start(List.of("--spec", FIXTURES.resolve("ops-api.yaml").toString()));
        String[] admin = admin(server);
        String base = admin[0];
        server.awaitLine("Listening on ");

        HttpResponse<String> metrics = send("GET", base + "/_apigw/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body().lines())
                .allSatisfy(
                        line -> assertThat(line).matches("(#.*|[A-Za-z_:][\\w:]*(\\{.*})? .+)"));
        String stage = base + "/_apigw/restapis/" + admin[1] + "/stages/dev";
        assertThat(send("DELETE", stage + "/cache/authorizers").statusCode()).isEqualTo(202);
        assertThat(send("DELETE", stage + "/cache/data").statusCode()).isEqualTo(202);
        assertThat(send("DELETE", base + "/_apigw/restapis/nope/stages/dev/cache/authorizers"))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(404))
                .satisfies(
                        r ->
                                assertThat(r.body())
                                        .isEqualTo(
                                                "{\"message\":\"Invalid API identifier"
                                                        + " specified 123456789012:nope\"}"));
        String usage = base + "/_apigw/usageplans/nope/usage";
        assertThat(send("GET", usage + "?startDate=2026-01-01&endDate=2026-01-02").statusCode())
                .isEqualTo(404);
        assertThat(send("GET", usage).statusCode()).isEqualTo(400);
        assertThat(send("GET", base + "/_apigw/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void templateWithStageConfigAndLogLevel_templateSettingsFlowAndOverlayApplies()
            throws Exception {
        Path config =
                Files.writeString(dir.resolve("stage.json"), "{\"variables\": {\"fit\": \"L\"}}");
        ServerProcess server =
                start(
                        List.of(
                                "--template",
                                FIXTURES.resolve("ops-template.yaml").toString(),
                                "--stage-config",
                                config.toString(),
                                "--log-level",
                                "INFO"));
        String url = server.awaitLine("Listening on ").substring("Listening on ".length());

        assertThat(url).endsWith("/prod");
        HttpResponse<String> first = send("GET", url + "/greeting");
        assertThat(first.body()).isEqualTo("{\"color\": \"red\", \"fit\": \"L\"}");
        assertThat(server.awaitErrorLineWith("Method completed with status: 200")).isNotEmpty();
        HttpResponse<String> second = send("GET", url + "/greeting");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).isEqualTo(TOO_MANY);
    }

    @Test
    void stop_printsStoppedOnStandardOutput() throws Exception {
        ServerProcess server =
                start(List.of("--spec", FIXTURES.resolve("ops-api.yaml").toString()));
        String url = server.awaitLine("Listening on ").substring("Listening on ".length());
        assertThat(send("GET", url + "/greeting").statusCode()).isEqualTo(200);

        assertThat(server.terminate()).isEqualTo(143);

        assertThat(server.awaitLine("Stopped")).isEqualTo("Stopped");
        assertThat(server.awaitErrorLine("metric Count")).contains("count=1");
    }

    @Test
    void badStageConfig_printsOneLineNamingTheJsonPathAndExitsTwo() throws Exception {
        Path config =
                Files.writeString(
                        dir.resolve("bad.json"),
                        "{\"methodSettings\": {\"*/*\": {\"cacheTtlInSeconds\": 4000}}}");

        ServerProcess.Result result =
                ServerProcess.run(List.of("--port", "0", "--stage-config", config.toString()), dir);

        assertThat(result.exitStatus()).isEqualTo(LaunchException.USAGE);
        assertThat(result.stderr().strip())
                .isEqualTo(
                        "apigw-local: --stage-config "
                                + config
                                + ": $.methodSettings['*/*'].cacheTtlInSeconds: must be from 0 to"
                                + " 3600, got 4000");
        assertThat(result.stdout()).doesNotContain("Listening on");
    }

    @Test
    void executionLogLoggers_writeToStandardErrorOnly() throws Exception {
        String classpath =
                ServerProcess.jar() + File.pathSeparator + Path.of("target", "test-classes");

        ServerProcess.Result result =
                ServerProcess.runMain(
                        classpath,
                        ExecutionLoggerProbe.class.getName(),
                        List.of("a1b2c3d4e5", "dev", "Method completed with status: 200"),
                        dir);

        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .contains("API-Gateway-Execution-Logs_a1b2c3d4e5/dev - Method completed with")
                .contains("API-Gateway-Execution-Logs_a1b2c3d4e5/dev/Canary - Method completed");
    }
}
