package dev.apigw.runtime.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link LimitsStep} decides at the front door (reference 9.5): a payload over 10 MB, a URL
 * over 10,240 characters or headers over 10,240 bytes are REQUEST_TOO_LARGE (413); a request target
 * that is not an absolute path of printable characters with valid percent-escapes, or a header with
 * an invalid name or value, is a 400; anything within the limits goes on unchanged.
 */
class LimitsStepTest {
    private final LimitsStep step = new LimitsStep();
    private final RecordingChain next = RecordingChain.answering200();

    private static Request.Builder get(String target) {
        return Request.builder().httpMethod("GET").target(target);
    }

    private GatewayException rejected(Request request) {
        GatewayException e =
                catchThrowableOfType(
                        GatewayException.class,
                        () -> step.apply(TestExchanges.arrived(request), next));
        assertThat(next.called()).isFalse();
        return e;
    }

    private void assertBadRequest(Request request) {
        GatewayException e = rejected(request);
        assertThat(e.type()).isEqualTo(GatewayResponseType.DEFAULT_4XX);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.errorMessage()).contains("Bad Request");
    }

    @Test
    void apply_everythingAtItsLimit_passesExchangeUnchanged() {
        String path = "/test/" + "p".repeat(LimitsStep.MAX_URL_LENGTH - "/test/".length() - 4);
        Request request =
                get(path + "?a=1")
                        .header("x-big", "v".repeat(LimitsStep.MAX_HEADER_BYTES - 5 - 4))
                        .body(new byte[LimitsStep.MAX_PAYLOAD_BYTES])
                        .build();
        Exchange exchange = TestExchanges.arrived(request);

        assertThat(step.apply(exchange, next)).isSameAs(RecordingChain.OK);
        assertThat(next.passed()).isSameAs(exchange);
    }

    @Test
    void apply_payloadOverTenMegabytes_throwsRequestTooLarge() {
        GatewayException e =
                rejected(get("/test/x").body(new byte[LimitsStep.MAX_PAYLOAD_BYTES + 1]).build());

        assertThat(e.type()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
        assertThat(e.statusCode()).isEqualTo(413);
    }

    @Test
    void apply_urlOneCharacterOverLimit_throwsRequestTooLarge() {
        String path = "/test/" + "p".repeat(LimitsStep.MAX_URL_LENGTH - "/test/".length() - 3);

        assertThat(rejected(get(path + "?a=1").build()).type())
                .isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
    }

    @Test
    void apply_headersOneByteOverLimit_throwsRequestTooLarge() {
        Request request =
                get("/test/x")
                        .header("x-big", "v".repeat(LimitsStep.MAX_HEADER_BYTES - 5 - 3))
                        .build();

        assertThat(rejected(request).type()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"test/x", "/test/a b", "/test/%zz", "/test/%4", "/test/\u007f"})
    void apply_malformedPath_throwsBadRequest(String path) {
        assertBadRequest(Request.builder().httpMethod("GET").path(path).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%4", "a=b c", "a=\t"})
    void apply_malformedQuery_throwsBadRequest(String query) {
        assertBadRequest(get("/test/x").rawQueryString(query).build());
    }

    @Test
    void apply_headerValueWithControlCharacter_throwsBadRequest() {
        assertBadRequest(get("/test/x").header("x-a", "a\u0001b").build());
    }

    @Test
    void apply_headerNameWithSpace_throwsBadRequest() {
        assertBadRequest(get("/test/x").header("x a", "b").build());
    }
}
