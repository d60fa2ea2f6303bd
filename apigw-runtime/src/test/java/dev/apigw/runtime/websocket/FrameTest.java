package dev.apigw.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Frame}, {@link ConnectRequest} and the error frames are plain values. */
class FrameTest {
    @Test
    void framesCopyTheirDataAndCompareByValue() {
        byte[] data = {1, 2};
        Frame binary = Frame.binary(data);
        data[0] = 9;
        binary.data()[1] = 9;

        assertThat(binary).isEqualTo(Frame.binary(new byte[] {1, 2}));
        assertThat(binary).hasSameHashCodeAs(Frame.binary(new byte[] {1, 2}));
        assertThat(binary).isNotEqualTo(new Frame(true, new byte[] {1, 2}));
        assertThat(Frame.text("hé").length()).isEqualTo(3);
        assertThat(Frame.text("hé").asText()).isEqualTo("hé");
        assertThat(binary.toString()).isEqualTo("Frame[binary 2 bytes]");
    }

    @Test
    void aSinksSendTextSendsATextFrame() {
        List<Frame> sent = new ArrayList<>();
        ConnectionSink sink =
                new ConnectionSink() {
                    @Override
                    public void send(Frame frame) {
                        sent.add(frame);
                    }

                    @Override
                    public void close(int statusCode, String reason) {}
                };

        sink.sendText("hi");

        assertThat(sent).containsExactly(Frame.text("hi"));
    }

    @Test
    void aConnectRequestKeepsEveryValueInOrderAndReadsHeadersCaseInsensitively() {
        ConnectRequest request =
                ConnectRequest.builder()
                        .header("User-Agent", "ua")
                        .header("X-A", "1")
                        .header("X-A", "2")
                        .queryParameter("q", "x")
                        .sourceIp("10.0.0.1")
                        .build();

        assertThat(request.userAgent()).isEqualTo("ua");
        assertThat(request.header("x-a")).isEqualTo("1");
        assertThat(request.header("missing")).isEmpty();
        assertThat(request.headers())
                .containsExactly(
                        Map.entry("User-Agent", List.of("ua")),
                        Map.entry("X-A", List.of("1", "2")));
        assertThat(request.queryParameters()).containsExactly(Map.entry("q", List.of("x")));
    }

    @Test
    void errorFramesAreSpacedAsAwsWritesThem() {
        assertThat(ErrorFrames.of(ErrorFrames.FORBIDDEN, "L0SM9cOFvHcCIhw=", "r\"1").asText())
                .isEqualTo(
                        "{\"message\": \"Forbidden\", \"connectionId\":\"L0SM9cOFvHcCIhw=\","
                                + " \"requestId\":\"r\\\"1\"}");
    }
}
