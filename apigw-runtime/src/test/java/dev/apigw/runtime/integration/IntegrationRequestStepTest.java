package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.IntegrationRequest;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link IntegrationRequestStep} decides (reference 1.1 and 6.2): the request template of the
 * request's Content-Type (parameters stripped, none meaning {@code application/json}) makes the
 * integration request; without one, the passthrough behaviour passes the body through or refuses
 * with UNSUPPORTED_MEDIA_TYPE (415). Proxy integrations go on without an integration request.
 */
class IntegrationRequestStepTest {
    private static final String TEMPLATE = "{\"petId\": \"$input.path('$.id')\"}";

    private final IntegrationRequestStep step = new IntegrationRequestStep();
    private final RecordingChain next = RecordingChain.answering200();

    private static Exchange routed(Consumer<Integration.Builder> integration, String contentType) {
        Request.Builder request =
                Request.builder().httpMethod("POST").target("/test/pets").body("{\"id\":7}");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return TestExchanges.builder()
                .method(
                        "/pets",
                        "POST",
                        m ->
                                m.integration(
                                        i -> {
                                            i.type(IntegrationType.MOCK)
                                                    .integrationResponse("200", ir -> {});
                                            integration.accept(i);
                                        }))
                .routed(request.build());
    }

    private static Consumer<Integration.Builder> jsonTemplate(PassthroughBehavior passthrough) {
        return i ->
                i.putRequestTemplate("application/json", TEMPLATE).passthroughBehavior(passthrough);
    }

    private IntegrationRequest passed() {
        return next.passed().integrationRequest();
    }

    private GatewayException rejected(Exchange exchange) {
        GatewayException e =
                catchThrowableOfType(GatewayException.class, () -> step.apply(exchange, next));
        assertThat(next.called()).isFalse();
        return e;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"application/json", "application/json; charset=utf-8", "APPLICATION/JSON"})
    void apply_templateForContentType_passesRenderedBody(String contentType) {
        step.apply(routed(jsonTemplate(PassthroughBehavior.NEVER), contentType), next);

        assertThat(new String(passed().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"petId\": \"7\"}");
        assertThat(passed().templateApplied()).isTrue();
    }

    @Test
    void apply_noContentType_usesTheJsonTemplate() {
        step.apply(routed(jsonTemplate(PassthroughBehavior.NEVER), null), next);

        assertThat(passed().templateApplied()).isTrue();
    }

    @Test
    void apply_noTemplateForTypeWhenNoMatch_passesBodyThrough() {
        step.apply(routed(jsonTemplate(PassthroughBehavior.WHEN_NO_MATCH), "text/plain"), next);

        assertThat(new String(passed().body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":7}");
        assertThat(passed().templateApplied()).isFalse();
    }

    @Test
    void apply_noTemplateForTypeNever_throwsUnsupportedMediaType() {
        GatewayException e =
                rejected(routed(jsonTemplate(PassthroughBehavior.NEVER), "text/plain"));

        assertThat(e.type()).isEqualTo(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(e.statusCode()).isEqualTo(415);
    }

    @Test
    void apply_noTemplateForTypeWhenNoTemplatesWithOtherTemplates_throwsUnsupportedMediaType() {
        GatewayException e =
                rejected(routed(jsonTemplate(PassthroughBehavior.WHEN_NO_TEMPLATES), "text/plain"));

        assertThat(e.type()).isEqualTo(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void apply_noTemplatesAtAllWhenNoTemplates_passesBodyThrough() {
        step.apply(
                routed(
                        i -> i.passthroughBehavior(PassthroughBehavior.WHEN_NO_TEMPLATES),
                        "text/plain"),
                next);

        assertThat(passed().templateApplied()).isFalse();
    }

    @Test
    void apply_proxyIntegration_passesExchangeUnchanged() {
        Exchange exchange =
                TestExchanges.builder()
                        .method(
                                "/pets",
                                "POST",
                                m ->
                                        m.integration(
                                                i ->
                                                        i.type(IntegrationType.HTTP_PROXY)
                                                                .httpMethod("POST")
                                                                .uri(
                                                                        "http://backend.example/pets")))
                        .routed(Request.post("/test/pets", "{\"id\":7}"));

        step.apply(exchange, next);

        assertThat(next.passed()).isSameAs(exchange);
        assertThat(next.passed().attribute(IntegrationRequest.KEY)).isEmpty();
    }
}
