package dev.apigw.testkit;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension used as a user would: an OpenAPI file with a Lambda proxy, an HTTP proxy behind an
 * API key and a MOCK, tested with the fakes the extension binds.
 */
class ApiGatewayExtensionExampleTest {
    @RegisterExtension
    static final ApiGatewayExtension gateway =
            ApiGatewayExtension.builder()
                    .openApi(
                            Path.of("src/test/resources/fixtures/testkit/pets.yaml"),
                            ImportOptions.builder()
                                    .putPlaceholder("BackendHost", "pets.internal")
                                    .build())
                    .lambda("PetsFunction")
                    .apiKey("test-key-0123456789abcdef")
                    .putStageVariable("env", "ci")
                    .build();

    @Test
    void getPet_lambdaAnswers_returnsItsResponse(Api api, FakeLambda pets) {
        pets.returnsProxyResponse(200, "{\"id\": \"7\", \"name\": \"Rex\"}");

        Response response = api.handle(Request.of("GET", "/test/pets/7?verbose=true"));

        assertThat(response).hasStatus(200).hasJsonPath("$.name", "Rex");
        assertThat(pets).wasInvokedTimes(1).lastInvocationTypeIs("RequestResponse");
        LambdaEvent event = pets.lastEvent();
        assertThat(event.path()).isEqualTo("/pets/7");
        assertThat(event.resource()).isEqualTo("/pets/{id}");
        assertThat(event.pathParameter("id")).contains("7");
        assertThat(event.queryParameter("verbose")).contains("true");
        assertThat(event.stageVariable("env")).contains("ci");
        assertThat(pets.lastInvocation().functionName()).isEqualTo("PetsFunction");
    }

    @Test
    void getPet_functionError_returns502WithTheErrorInTheLog(Api api, FakeLambda pets) {
        pets.throwsError("Pet not found", "NotFoundException");

        var result = api.testInvoke(Request.of("GET", "/test/pets/404"));

        assertThat(result)
                .hasStatus(502)
                .hasJsonBody("{\"message\": \"Internal server error\"}")
                .hasLogLineContaining("Pet not found");
    }

    @Test
    void listPets_withApiKey_forwardsToTheBackend(Api api, RecordingHttpBackend backend) {
        backend.respondsWith(200, "[{\"id\": 1}, {\"id\": 2}]");

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/test/pets?limit=2")
                                .headers(Headers.of("x-api-key", "test-key-0123456789abcdef"))
                                .build());

        assertThat(response).hasStatus(200).hasJsonPath("$.length()", 2).hasJsonPath("$[1].id", 2);
        RecordingHttpBackend.RecordedRequest sent = backend.lastRequest();
        assertThat(sent.httpMethod()).isEqualTo("GET");
        assertThat(sent.uri()).hasToString("https://pets.internal/v1/pets?limit=2");
        assertThat(sent.header("x-api-key")).contains("test-key-0123456789abcdef");
    }

    @Test
    void listPets_withoutApiKey_isRefusedBeforeTheBackend(Api api, RecordingHttpBackend backend) {
        Response response = api.handle(Request.of("GET", "/test/pets"));

        assertThat(response).isGatewayResponse(GatewayResponseType.INVALID_API_KEY);
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void listPets_backendTimesOut_returns504(Api api, RecordingHttpBackend backend) {
        backend.timesOut();

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("GET")
                                .target("/test/pets")
                                .headers(Headers.of("x-api-key", "test-key-0123456789abcdef"))
                                .build());

        assertThat(response).isGatewayResponse(GatewayResponseType.INTEGRATION_TIMEOUT);
    }

    @Test
    void health_clockAdvanced_reportsTheClockTime(Api api, ManualClock clock) {
        clock.advance(Duration.ofMinutes(5));

        Response response = api.handle(Request.of("GET", "/test/health"));

        assertThat(response)
                .hasStatus(200)
                .hasJsonBody(
                        "{\"status\": \"up\", \"env\": \"ci\","
                                + " \"at\": "
                                + ApiGatewayExtension.DEFAULT_START
                                        .plus(Duration.ofMinutes(5))
                                        .toEpochMilli()
                                + "}");
    }
}
