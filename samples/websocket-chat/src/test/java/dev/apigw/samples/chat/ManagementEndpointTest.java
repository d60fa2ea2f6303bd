package dev.apigw.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManagementEndpointTest {
    @Test
    void of_loopbackHost_isHttp() {
        assertThat(ManagementEndpoint.of(Events.connect("c", "127.0.0.1:3000")))
                .isEqualTo("http://127.0.0.1:3000/production");
        assertThat(ManagementEndpoint.of(Events.connect("c", "localhost:3000")))
                .isEqualTo("http://localhost:3000/production");
    }

    @Test
    void of_awsHost_isHttps() {
        assertThat(
                        ManagementEndpoint.of(
                                Events.connect("c", "abc123.execute-api.us-east-1.amazonaws.com")))
                .isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com/production");
    }

    @Test
    void of_noHostHeader_isTheDomainName() {
        assertThat(ManagementEndpoint.of(Events.event("$connect", "c")))
                .isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com/production");
    }
}
