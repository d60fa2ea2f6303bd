package dev.apigw.runtime.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link RequestDecompressionStep} decides (reference 6.4, request decompression is always
 * on): a body sent with {@code Content-Encoding} gzip or deflate goes on decompressed, stage and
 * route kept; a coding API Gateway does not support, or a body not in the coding it names, is
 * UNSUPPORTED_MEDIA_TYPE (415).
 */
class RequestDecompressionStepTest {
    private static final String JSON = "{\"name\":\"Rex\"}";

    private final RequestDecompressionStep step = new RequestDecompressionStep();
    private final RecordingChain next = RecordingChain.answering200();

    private static Exchange routed(String contentEncoding, byte[] body) {
        Request.Builder request =
                Request.builder().httpMethod("POST").target("/test/pets").body(body);
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return TestExchanges.builder().method("/pets", "POST", m -> {}).routed(request.build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate"})
    void apply_compressedBody_passesDecompressedBodyKeepingRoute(String coding) {
        byte[] compressed = ContentCoding.encode(JSON.getBytes(StandardCharsets.UTF_8), coding);

        step.apply(routed(coding, compressed), next);

        Exchange passed = next.passed();
        assertThat(passed.request().bodyAsString()).isEqualTo(JSON);
        assertThat(passed.payload().json()).isPresent();
        assertThat(passed.request().headers().first("Content-Encoding")).contains(coding);
        assertThat(passed.method().place()).isEqualTo("/pets POST");
    }

    @Test
    void apply_noContentEncoding_passesExchangeUnchanged() {
        Exchange exchange = routed(null, JSON.getBytes(StandardCharsets.UTF_8));

        step.apply(exchange, next);

        assertThat(next.passed()).isSameAs(exchange);
    }

    @Test
    void apply_unsupportedCoding_throwsUnsupportedMediaType() {
        GatewayException e =
                catchThrowableOfType(
                        GatewayException.class,
                        () -> step.apply(routed("br", new byte[] {1, 2, 3}), next));

        assertThat(e.type()).isEqualTo(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(e.statusCode()).isEqualTo(415);
        assertThat(next.called()).isFalse();
    }

    @Test
    void apply_bodyNotInNamedCoding_throwsUnsupportedMediaType() {
        GatewayException e =
                catchThrowableOfType(
                        GatewayException.class,
                        () ->
                                step.apply(
                                        routed("gzip", JSON.getBytes(StandardCharsets.UTF_8)),
                                        next));

        assertThat(e.type()).isEqualTo(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(next.called()).isFalse();
    }
}
