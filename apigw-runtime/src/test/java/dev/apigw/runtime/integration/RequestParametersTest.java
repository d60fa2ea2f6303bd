package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Integration request mapping targets and the header rules per type (reference 5.2). */
class RequestParametersTest {
    private static final Exchange EXCHANGE =
            TestExchanges.arrived(
                    Request.builder()
                            .httpMethod("GET")
                            .target("/s/x?t=a&t=b")
                            .header("X-V", "v1")
                            .header("X-V", "v2")
                            .build());

    private static RequestParameters of(IntegrationType type, String... targetsAndSources) {
        Map<String, String> mappings = new LinkedHashMap<>();
        for (int i = 0; i < targetsAndSources.length; i += 2) {
            mappings.put(targetsAndSources[i], targetsAndSources[i + 1]);
        }
        return new RequestParameters(mappings, type);
    }

    @Test
    void headers_singleAndMultiValueTargets_joinOrRepeat() {
        RequestParameters p =
                of(
                        IntegrationType.AWS,
                        "integration.request.header.X-Joined",
                        "method.request.multivalueheader.X-V",
                        "integration.request.multivalueheader.X-Lines",
                        "method.request.multivalueheader.X-V",
                        "integration.request.header.X-None",
                        "method.request.header.absent");

        Headers headers = p.headers(EXCHANGE);

        assertThat(headers)
                .isEqualTo(Headers.of("X-Joined", "v1,v2", "X-Lines", "v1", "X-Lines", "v2"));
    }

    @Test
    void query_bothTargets_repeatEveryValue() {
        RequestParameters p =
                of(
                        IntegrationType.HTTP,
                        "integration.request.querystring.one",
                        "method.request.multivaluequerystring.t",
                        "integration.request.multivaluequerystring.many",
                        "method.request.multivaluequerystring.t",
                        "integration.request.querystring.last",
                        "method.request.querystring.t");

        assertThat(p.queryValues(EXCHANGE))
                .containsExactly(
                        Map.entry("one", "a"),
                        Map.entry("one", "b"),
                        Map.entry("many", "a"),
                        Map.entry("many", "b"),
                        Map.entry("last", "b"));
        assertThat(p.queryParameters(EXCHANGE))
                .containsExactly(
                        Map.entry("one", List.of("a", "b")),
                        Map.entry("many", List.of("a", "b")),
                        Map.entry("last", List.of("b")));
        assertThat(p.queryNames()).containsExactly("one", "many", "last");
    }

    @ParameterizedTest(name = "{0} {1} fails: {2}")
    @CsvSource({
        "HTTP, Content-Length, true",
        "HTTP, Transfer-Encoding, true",
        "HTTP, Authorization, false",
        "HTTP, Connection, false",
        "HTTP_PROXY, content-length, true",
        "AWS, Authorization, true",
        "AWS, connection, true",
        "AWS, Expect, true",
        "AWS, Proxy-Authenticate, true",
        "AWS, TE, true",
        "AWS, Content-Type, false",
        "AWS_PROXY, Transfer-Encoding, true",
        "AWS_PROXY, Authorization, true",
        "MOCK, Content-Length, false"
    })
    void checkTargets_headerRulesPerType(IntegrationType type, String header, boolean fails) {
        RequestParameters p = of(type, "integration.request.header." + header, "'x'");

        if (fails) {
            assertThatThrownBy(() -> p.checkTargets(EXCHANGE)).isInstanceOf(GatewayException.class);
        } else {
            p.checkTargets(EXCHANGE);
            assertThat(p.headers(EXCHANGE).first(header)).contains("x");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "HTTP, Expect",
        "HTTP, TE",
        "HTTP, Via",
        "HTTP_PROXY, Proxy-Authenticate",
        "AWS, Via"
    })
    void headers_droppedTargets_areNotSent(IntegrationType type, String header) {
        RequestParameters p =
                of(
                        type,
                        "integration.request.header." + header,
                        "'x'",
                        "integration.request.header.X-Kept",
                        "'k'");

        p.checkTargets(EXCHANGE);

        assertThat(p.headers(EXCHANGE)).isEqualTo(Headers.of("X-Kept", "k"));
    }

    @Test
    void new_unknownTarget_throwsAwsText() {
        assertThatThrownBy(() -> of(IntegrationType.HTTP, "integration.request.body.x", "'v'"))
                .hasMessageEndingWith(
                        "[Invalid mapping expression specified:" + " integration.request.body.x]");
        assertThatThrownBy(() -> of(IntegrationType.HTTP, "integration.request.header.a:b", "'v'"))
                .hasMessageContaining("integration.request.header.a:b");
    }
}
