package dev.apigw.samples.petstore;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import org.junit.jupiter.api.Test;

/** The worked example, request by request. */
class PetStoreTest {
    private final Api api = PetStore.api();

    @Test
    void getPets_lambdaProxy_listsPets() {
        assertThat(api.handle(Request.of("GET", "/dev/pets")))
                .hasStatus(200)
                .hasHeader("Content-Type", "application/json")
                .hasHeader("X-Amzn-Trace-Id")
                .hasJsonBody(
                        "[{\"id\":\"1\",\"type\":\"dog\",\"price\":249.99},"
                                + "{\"id\":\"2\",\"type\":\"cat\",\"price\":124.99}]");
    }

    @Test
    void getPet_pathParameter_reachesTheHandler() {
        assertThat(api.handle(Request.of("GET", "/dev/pets/2")))
                .hasStatus(200)
                .hasJsonBody("{\"id\":\"2\",\"type\":\"cat\",\"price\":124.99}");
        assertThat(api.handle(Request.of("GET", "/dev/pets/9")))
                .hasStatus(404)
                .hasJsonBody("{\"message\":\"no pet 9\"}");
    }

    @Test
    void postPet_withoutKey_isForbidden() {
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/dev/pets")
                                        .body("{\"type\":\"fish\"}")
                                        .build()))
                .isGatewayResponse(GatewayResponseType.INVALID_API_KEY)
                .hasBody("{\"message\":\"Forbidden\"}");
    }

    @Test
    void postPet_withKey_isCreated() {
        assertThat(
                        api.handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/dev/pets")
                                        .header("x-api-key", PetStore.API_KEY)
                                        .body("{\"type\":\"fish\"}")
                                        .build()))
                .hasStatus(201)
                .hasJsonBody("{\"id\":\"3\"}");
    }

    @Test
    void health_mock_answersFromTemplates() {
        assertThat(api.handle(Request.of("GET", "/dev/health")))
                .hasStatus(200)
                .doesNotHaveHeader("X-Amzn-Trace-Id")
                .hasJsonBody("{\"status\":\"ok\",\"stage\":\"dev\"}");
    }

    @Test
    void unknownPath_customisedGatewayResponse_answers404() {
        assertThat(api.handle(Request.of("GET", "/dev/owners")))
                .hasStatus(404)
                .hasHeader("x-amzn-ErrorType", "MissingAuthenticationTokenException")
                .hasJsonBody("{\"message\":\"no route\",\"path\":\"/dev/owners\"}");
    }
}
