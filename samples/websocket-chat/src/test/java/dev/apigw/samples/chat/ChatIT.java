package dev.apigw.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the README shows: {@code java -jar apigw-local.jar --template template.yaml} (plus {@code
 * --port 0}) run from this directory as a process, serving {@code ChatApi} on its {@code
 * production} stage with the three functions from this module's jar, and three WebSocket clients
 * chatting through it (reference 7.3 routes, 7.4 {@code @connections}): in-process, and with {@code
 * --isolate} (each function in its own JVM, sharing only the {@link ConnectionTable}).
 */
class ChatIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void inProcess_threeClients_sendMessageReachesEveryConnectionUntilItDisconnects()
            throws Exception {
        chat(List.of("--template", "template.yaml", "--port", "0"));
    }

    @Test
    void isolate_threeClients_sendMessageReachesEveryConnectionUntilItDisconnects()
            throws Exception {
        chat(List.of("--template", "template.yaml", "--isolate", "--port", "0"));
    }

    private void chat(List<String> args) throws Exception {
        try (LocalServerProcess server = LocalServerProcess.start(args)) {
            String url = server.awaitLine("Listening on ").substring("Listening on ".length());
            assertThat(url).startsWith("ws://127.0.0.1:").endsWith("/production");
            ChatClient alice = ChatClient.connect(http, url);
            ChatClient bob = ChatClient.connect(http, url);
            ChatClient carol = ChatClient.connect(http, url);

            alice.sendMessage("hello from alice");

            assertThat(alice.next()).isEqualTo("hello from alice");
            assertThat(alice.next()).isEqualTo("Data sent to 3 connections.");
            assertThat(bob.next()).isEqualTo("hello from alice");
            assertThat(carol.next()).isEqualTo("hello from alice");

            carol.close();
            bob.sendMessage("carol has left");

            assertThat(bob.next()).isEqualTo("carol has left");
            assertThat(bob.next()).isEqualTo("Data sent to 2 connections.");
            assertThat(alice.next()).isEqualTo("carol has left");
            assertThat(carol.drained()).isEmpty();

            server.stop();
        }
    }
}
