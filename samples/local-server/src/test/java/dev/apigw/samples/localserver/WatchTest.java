package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --watch}: a real server in-process, its spec and handler classes changed on disk. */
class WatchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SPEC =
            String.join(
                    "\n",
                    "openapi: 3.0.1",
                    "info: {title: watched, version: '1'}",
                    "paths:",
                    "  /greeting:",
                    "    get:",
                    "      responses: {'200': {description: ok}}",
                    "      x-amazon-apigateway-integration:",
                    "        type: mock",
                    "        requestTemplates: {application/json: '{\"statusCode\": 200}'}",
                    "        responses:",
                    "          default:",
                    "            statusCode: '200'",
                    "            responseTemplates: {application/json: '{\"v\": %d}'}",
                    "  /hello:",
                    "    get:",
                    "      x-amazon-apigateway-integration:",
                    "        type: aws_proxy",
                    "        httpMethod: POST",
                    "        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + "arn:aws:lambda:us-east-1:123456789012:function:Hello/invocations",
                    "");

    @TempDir Path dir;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintStream err =
            new PrintStream(
                    new OutputStream() {
                        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                        @Override
                        public synchronized void write(int b) {
                            if (b == '\n') {
                                lines.add(line.toString(StandardCharsets.UTF_8));
                                line.reset();
                            } else {
                                line.write(b);
                            }
                        }
                    },
                    true,
                    StandardCharsets.UTF_8);
    private final HttpClient client = HttpClient.newHttpClient();
    private RunningServer running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void watch_specAndHandlerChange_rebuildsWithoutRestartAndKeepsTheLastGoodOnFailure()
            throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), String.format(SPEC, 1));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        HelloHandlerSource.compile(dir, classes, "\"hello one\"");
        running =
                LocalServerMain.launch(
                        ServerOptions.parse(
                                List.of(
                                        "--spec",
                                        spec.toString(),
                                        "--classpath",
                                        classes.toString(),
                                        "--lambda",
                                        "Hello=example.HelloHandler",
                                        "--watch",
                                        "--port",
                                        "0")),
                        lines::add,
                        err);
        assertThat(get("/dev/greeting")).isEqualTo("{\"v\": 1}");
        assertThat(get("/dev/hello")).isEqualTo("hello one");

        Files.writeString(spec, String.format(SPEC, 2));
        assertThat(nextLine()).isEqualTo("Reloaded: 0 warnings");
        assertThat(get("/dev/greeting")).isEqualTo("{\"v\": 2}");

        HelloHandlerSource.compile(dir, classes, "\"hello two\"");
        assertThat(nextLine()).isEqualTo("Reloaded: 0 warnings");
        assertThat(get("/dev/hello")).isEqualTo("hello two");

        Files.writeString(spec, "openapi: 3.0.1\npaths: [not, a, map\n");
        assertThat(nextLine())
                .startsWith(
                        "apigw-local: reload failed, still serving the last"
                                + " good definition: spec "
                                + spec
                                + " does not import");
        assertThat(get("/dev/greeting")).isEqualTo("{\"v\": 2}");
        assertThat(running.server().port()).isPositive();
    }

    /** Waits for the next line the server prints on either stream. */
    private String nextLine() throws InterruptedException {
        String line = lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(line).as("a line within " + TIMEOUT).isNotNull();
        return line;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response =
                client.send(
                        HttpRequest.newBuilder(URI.create(running.server().baseUrl() + path))
                                .timeout(TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
