package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.samples.localserver.demo.DemoApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's main-job command exactly as written (from the repository root, adding only
 * {@code --port 0} so that it never collides with a busy port) and checks the bundled demo answers:
 * MOCK, Lambda proxy, the API key and request validation.
 */
class ReadmeCommandIT {
    private static final Path ROOT = Path.of("../..");
    private static final String COMMAND = "java -jar samples/local-server/target/apigw-local.jar";
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void readmeCommand_demo_answersEveryKindOfRoute() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String line =
                readme.lines()
                        .filter(l -> l.startsWith(COMMAND))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "README.md has no line starting with " + COMMAND));
        String command = line.contains("#") ? line.substring(0, line.indexOf('#')).trim() : line;
        List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
        words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        words.addAll(List.of("--port", "0"));
        process =
                new ProcessBuilder(words)
                        .directory(ROOT.toFile())
                        .redirectErrorStream(true)
                        .start();
        String base = listeningUrl(process);

        assertThat(get(base + "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> pets = get(base + "/pets");
        assertThat(pets.statusCode()).isEqualTo(200);
        assertThat(pets.body()).contains("\"id\"");
        HttpResponse<String> noKey = post(base + "/pets", "{\"type\":\"dog\",\"price\":10}", null);
        assertThat(noKey.statusCode()).isEqualTo(403);
        HttpResponse<String> invalid =
                post(base + "/pets", "{\"type\":\"lizard\",\"price\":10}", DemoApi.API_KEY);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).startsWith("{\"message\": \"Invalid request body\"");
        assertThat(invalid.headers().firstValue("X-Validation-Error"))
                .hasValueSatisfying(v -> assertThat(v).contains("lizard"));
        HttpResponse<String> created =
                post(base + "/pets", "{\"type\":\"cat\",\"price\":12.5}", DemoApi.API_KEY);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(get(base + "/no-such-route").statusCode()).isEqualTo(403);
    }

    private static String listeningUrl(Process process) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String l = in.readLine(); l != null; l = in.readLine()) {
                                    lines.add(l);
                                }
                            } catch (IOException e) {
                                lines.add("(output failed: " + e + ")");
                            }
                        },
                        "readme-command-stdout");
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + ServerProcess.TIMEOUT.toNanos();
        while (true) {
            String l = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l == null) {
                throw new AssertionError(
                        "the README command printed no 'Listening on' line: " + seen);
            }
            seen.add(l);
            if (l.startsWith("Listening on ")) {
                return l.substring("Listening on ".length()).trim();
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body, String key) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("x-api-key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
