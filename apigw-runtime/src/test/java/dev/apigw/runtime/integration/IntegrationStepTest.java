package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationRequest;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import dev.apigw.runtime.spi.BackendRequest;
import dev.apigw.runtime.spi.BackendResponse;
import dev.apigw.runtime.spi.HttpBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link IntegrationStep} decides: it ends the chain, calling the method's integration through
 * the invoker of its type and never {@code next}; a host backend's failure becomes
 * INTEGRATION_FAILURE (reference 3.1).
 */
class IntegrationStepTest {
    private final IntegrationStep step = new IntegrationStep();
    private final RecordingChain next =
            RecordingChain.answering(
                    exchange -> {
                        throw new AssertionError("the integration step must not call next");
                    });

    private static Exchange proxyTo(HttpBackend backend) {
        return TestExchanges.builder()
                .httpBackend(backend)
                .method(
                        "/pets",
                        "GET",
                        m ->
                                m.integration(
                                        i ->
                                                i.type(IntegrationType.HTTP_PROXY)
                                                        .httpMethod("GET")
                                                        .uri("http://backend.example/pets")))
                .routed(Request.get("/test/pets"));
    }

    @Test
    void apply_mockIntegration_answersWithTheTemplatesStatus() {
        Exchange exchange =
                TestExchanges.builder()
                        .method("/pets", "GET", m -> {})
                        .routed(Request.get("/test/pets"))
                        .withIntegrationRequest(
                                new IntegrationRequest(
                                        "{\"statusCode\": 404}".getBytes(StandardCharsets.UTF_8),
                                        Headers.empty(),
                                        true));

        assertThat(step.apply(exchange, next).statusCode()).isEqualTo(404);
        assertThat(next.called()).isFalse();
    }

    @Test
    void apply_httpProxyIntegration_returnsTheBackendsAnswer() {
        List<BackendRequest> sent = new ArrayList<>();
        Exchange exchange =
                proxyTo(
                        request -> {
                            sent.add(request);
                            return new BackendResponse(
                                    201,
                                    Headers.of("Content-Type", "text/plain"),
                                    "made".getBytes(StandardCharsets.UTF_8));
                        });

        Response response = step.apply(exchange, next);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).uri().toString()).isEqualTo("http://backend.example/pets");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.bodyAsString()).isEqualTo("made");
        assertThat(next.called()).isFalse();
    }

    @Test
    void apply_backendThrows_throwsIntegrationFailure() {
        Exchange exchange =
                proxyTo(
                        request -> {
                            throw new IllegalStateException("connection pool closed");
                        });

        GatewayException e =
                catchThrowableOfType(GatewayException.class, () -> step.apply(exchange, next));

        assertThat(e.type()).isEqualTo(GatewayResponseType.INTEGRATION_FAILURE);
        assertThat(next.called()).isFalse();
    }
}
