package dev.apigw.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.api.Test;

/**
 * What {@link StandardHeadersStep} decides (reference 10.6): every response, gateway responses
 * included, carries the request's {@code x-amzn-RequestId} and {@code x-amz-apigw-id}.
 */
class StandardHeadersStepTest {
    private final StandardHeadersStep step = new StandardHeadersStep();

    @Test
    void apply_anyResponse_addsRequestIdAndExtendedRequestId() {
        Exchange exchange =
                TestExchanges.builder().ids("req-42", "ext-42=").arrived(Request.get("/test/x"));
        RecordingChain next = RecordingChain.answering200();

        Response response = step.apply(exchange, next);

        assertThat(next.passed()).isSameAs(exchange);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo(RecordingChain.OK.bodyAsString());
        assertThat(response.headers().first("x-amzn-RequestId")).contains("req-42");
        assertThat(response.headers().first("x-amz-apigw-id")).contains("ext-42=");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void apply_gatewayResponse_addsIdsToo() {
        Response forbidden =
                Response.builder()
                        .statusCode(403)
                        .setHeader("x-amzn-ErrorType", "ForbiddenException")
                        .build();

        Response response =
                step.apply(
                        TestExchanges.arrived(Request.get("/prod/x")),
                        RecordingChain.answering(forbidden));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().first("x-amzn-RequestId")).contains("req-1");
        assertThat(response.headers().first("x-amz-apigw-id")).contains("ext-1");
    }
}
