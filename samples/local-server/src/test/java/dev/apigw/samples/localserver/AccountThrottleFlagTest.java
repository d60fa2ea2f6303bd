package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --account-throttle RATE:BURST} sets the account's throttle (reference 9.4: every request
 * of the account takes a token of one bucket, 10,000 a second with bursts of 5,000 unless AWS
 * raises it): a server given a burst of 2 and a rate of one token every 1,000 s answers the third
 * request 429 {@code {"message":"Too Many Requests"}}.
 */
class AccountThrottleFlagTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void accountThrottle_burstOfTwo_throttlesTheThirdRequest() throws Exception {
        try (RunningServer running =
                LocalServerMain.launch(
                        ServerOptions.parse(
                                List.of("--port", "0", "--account-throttle", "0.001:2")),
                        line -> {},
                        new PrintStream(
                                OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))) {
            URI health = URI.create(running.server().baseUrl() + "/dev/health");

            assertThat(get(health).statusCode()).isEqualTo(200);
            assertThat(get(health).statusCode()).isEqualTo(200);
            HttpResponse<String> third = get(health);

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
