package dev.apigw.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the README shows a SAM user: {@code java -jar apigw-local.jar --template template.yaml}
 * (plus {@code --port 0}) run from this directory as a process, serving the template's {@code
 * OrdersApi} on its {@code prod} stage with the API key SAM's usage plan generates and the two
 * functions from this module's jar: in-process, and as Lambda runs them with {@code --isolate}.
 * Answers follow reference 9 (API keys), 5.1 (request validation) and 4.2 (Lambda proxy).
 */
class SamOrdersIT {
    private static final Pattern KEY_LINE = Pattern.compile("API key (\\S+): (\\S+)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void template_inProcess_servesStageKeyAndFunctions() throws Exception {
        try (LocalServerProcess server =
                LocalServerProcess.start(List.of("--template", "template.yaml", "--port", "0"))) {
            String warning =
                    server.awaitLine("apigw-local: warning: function ListOrdersFunction declares");
            assertThat(warning).contains("ORDERS_TABLE").contains("--isolate");
            Matcher key = apiKey(server);
            String base = listeningUrl(server);
            assertThat(base).endsWith("/prod");
            String value = key.group(2);

            HttpResponse<String> noKey = send(get(base + "/orders"));
            assertThat(noKey.statusCode()).isEqualTo(403);
            assertThat(noKey.body()).isEqualTo("{\"message\":\"Forbidden\"}");

            HttpResponse<String> orders = send(get(base + "/orders").header("x-api-key", value));
            assertThat(orders.statusCode()).isEqualTo(200);
            assertThat(orders.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(orders.body())
                    .contains("\"id\":\"o-1001\"")
                    .contains("\"stage\":\"prod\"")
                    .contains("\"stageLabel\":\"production\"")
                    .contains("\"ordersTable\":null")
                    .contains("--isolate")
                    .contains("\"memoryLimitInMB\":512");

            assertCreatesOrders(base, value);

            HttpResponse<String> unknown = send(get(base + "/customers"));
            assertThat(unknown.statusCode()).isEqualTo(403);
            assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

            server.stop();
        }
    }

    @Test
    void template_isolate_functionsSeeTheirEnvironment() throws Exception {
        List<ProcessHandle> functionJvms = new ArrayList<>();
        try (LocalServerProcess server =
                LocalServerProcess.start(
                        List.of("--template", "template.yaml", "--isolate", "--port", "0"))) {
            String value = apiKey(server).group(2);
            String base = listeningUrl(server);

            HttpResponse<String> orders = send(get(base + "/orders").header("x-api-key", value));
            assertThat(orders.statusCode()).isEqualTo(200);
            assertThat(orders.body())
                    .contains("\"stageLabel\":\"production\"")
                    .contains("\"ordersTable\":\"orders-prod\"")
                    .doesNotContain("ordersTableNote")
                    .contains("\"memoryLimitInMB\":512");
            assertCreatesOrders(base, value);

            functionJvms.addAll(server.children());
            assertThat(functionJvms).as("the functions' JVMs").isNotEmpty();
            server.stop();
        }
        for (ProcessHandle jvm : functionJvms) {
            jvm.onExit().get(LocalServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(jvm.isAlive()).as("function JVM %s after the server stopped", jvm).isFalse();
        }
    }

    private void assertCreatesOrders(String base, String key) throws Exception {
        HttpResponse<String> created =
                send(post(base + "/orders", "{\"item\":\"tea\",\"quantity\":3}", key));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body())
                .contains("\"item\":\"tea\"")
                .contains("\"quantity\":3")
                .contains("\"status\":\"ACCEPTED\"");
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/prod/orders/o-"));

        HttpResponse<String> invalid = send(post(base + "/orders", "{\"item\":\"tea\"}", key));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("{\"message\": \"Invalid request body\"}");

        HttpResponse<String> tooMany =
                send(post(base + "/orders", "{\"item\":\"tea\",\"quantity\":1000}", key));
        assertThat(tooMany.statusCode()).isEqualTo(422);
    }

    private static Matcher apiKey(LocalServerProcess server) throws InterruptedException {
        Matcher key = KEY_LINE.matcher(server.awaitLine("API key "));
        assertThat(key.matches()).as("the API key line").isTrue();
        assertThat(key.group(2)).hasSizeGreaterThanOrEqualTo(20);
        return key;
    }

    private static String listeningUrl(LocalServerProcess server) throws InterruptedException {
        return server.awaitLine("Listening on ").substring("Listening on ".length()).trim();
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
    }

    private static HttpRequest.Builder post(String url, String json, String key) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("x-api-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
