package dev.apigw.runtime.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link ResponseCompressionStep} decides (reference 6.4): the method response is compressed
 * only when the API sets {@code minimumCompressionSize}, the body has at least that many bytes and
 * no {@code Content-Encoding} yet, and the client's {@code Accept-Encoding} prefers gzip or
 * deflate; otherwise it is returned as it came.
 */
class ResponseCompressionStepTest {
    private static final String BODY = "{\"pets\":[\"Rex\",\"Tom\"]}"; // 22 bytes

    private final ResponseCompressionStep step = new ResponseCompressionStep();

    private static Exchange routed(Integer minimum, String acceptEncoding) {
        Request.Builder request = Request.builder().httpMethod("GET").target("/test/pets");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return TestExchanges.builder()
                .method(
                        api -> {
                            if (minimum != null) {
                                api.minimumCompressionSize(minimum);
                            }
                        },
                        "/pets",
                        "GET",
                        m -> {})
                .routed(request.build());
    }

    private static Response answer(String body) {
        return Response.builder()
                .statusCode(200)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static Response apply(Exchange exchange, Response endpoint) {
        return new ResponseCompressionStep().apply(exchange, RecordingChain.answering(endpoint));
    }

    @ParameterizedTest
    @CsvSource({"gzip, gzip", "'deflate, gzip;q=0.5', deflate", "'br;q=0.5, gzip', gzip"})
    void apply_bodyAtMinimumAndCodingAccepted_compresses(String acceptEncoding, String coding) {
        Response response = apply(routed(22, acceptEncoding), answer(BODY));

        assertThat(response.headers().first("Content-Encoding")).contains(coding);
        assertThat(ContentCoding.decode(response.body(), coding))
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(BODY));
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void apply_noMinimumCompressionSize_returnsResponseUnchanged() {
        Response endpoint = answer(BODY);

        assertThat(apply(routed(null, "gzip"), endpoint)).isSameAs(endpoint);
    }

    @Test
    void apply_bodyBelowMinimum_returnsResponseUnchanged() {
        Response endpoint = answer(BODY);

        assertThat(apply(routed(23, "gzip"), endpoint)).isSameAs(endpoint);
    }

    @Test
    void apply_emptyBodyWithMinimumZero_returnsResponseUnchanged() {
        Response endpoint = answer("");

        assertThat(apply(routed(0, "gzip"), endpoint)).isSameAs(endpoint);
    }

    @Test
    void apply_responseAlreadyEncoded_returnsResponseUnchanged() {
        Response endpoint = answer(BODY).withHeaders("Content-Encoding", "br");

        assertThat(apply(routed(0, "gzip"), endpoint)).isSameAs(endpoint);
    }

    @ParameterizedTest
    @CsvSource({"''", "identity", "br", "'gzip;q=0'", "'br, gzip'"})
    void apply_noSupportedCodingAccepted_returnsResponseUnchanged(String acceptEncoding) {
        Response endpoint = answer(BODY);

        assertThat(apply(routed(0, acceptEncoding), endpoint)).isSameAs(endpoint);
    }

    @Test
    void apply_noAcceptEncodingHeader_returnsResponseUnchanged() {
        Response endpoint = answer(BODY);

        assertThat(step.apply(routed(0, null), RecordingChain.answering(endpoint)))
                .isSameAs(endpoint);
    }
}
