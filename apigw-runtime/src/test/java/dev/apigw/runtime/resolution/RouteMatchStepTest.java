package dev.apigw.runtime.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.RecordingChain;
import dev.apigw.runtime.pipeline.TestExchanges;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link RouteMatchStep} decides (reference 7.1): the resource method for the path after the
 * stage, with its path parameters; an unknown path or method is MISSING_AUTHENTICATION_TOKEN (403),
 * never 404 or 405, and goes no further.
 */
class RouteMatchStepTest {
    private final RouteMatchStep step = new RouteMatchStep();
    private final RecordingChain next = RecordingChain.answering200();

    private static Exchange atStage(Request request) {
        return TestExchanges.builder().method("/pets/{id}", "GET", m -> {}).atStage(request);
    }

    @Test
    void apply_pathAndMethodMatch_passesRouteWithPathParameters() {
        Response response = step.apply(atStage(Request.get("/test/pets/7")), next);

        assertThat(response).isSameAs(RecordingChain.OK);
        Exchange passed = next.passed();
        assertThat(passed.method().place()).isEqualTo("/pets/{id} GET");
        assertThat(passed.route().pathParameters()).containsExactly(Map.entry("id", "7"));
    }

    @ParameterizedTest
    @CsvSource({"GET, /test/pets", "GET, /test/owners/7", "POST, /test/pets/7", "GET, /test/"})
    void apply_noMatch_throwsMissingAuthenticationToken(String httpMethod, String target) {
        GatewayException e =
                catchThrowableOfType(
                        GatewayException.class,
                        () -> step.apply(atStage(Request.of(httpMethod, target)), next));

        assertThat(e.type()).isEqualTo(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(next.called()).isFalse();
    }
}
