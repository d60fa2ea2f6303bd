package com.example;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.testkit.ApiGatewayExtension;
import dev.apigw.testkit.ServedApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit in a project on JUnit 5.11: the extension resolves and serves an Api. */
class PetsApiTest {
    @RegisterExtension
    static final ApiGatewayExtension gateway =
            ApiGatewayExtension.builder()
                    .restApi(
                            api ->
                                    api.name("pets")
                                            .resource(
                                                    "/pets",
                                                    r ->
                                                            r.method(
                                                                    "GET",
                                                                    m ->
                                                                            m.integration(
                                                                                            i ->
                                                                                                    i.type(
                                                                                                                    IntegrationType
                                                                                                                            .MOCK)
                                                                                                            .putRequestTemplate(
                                                                                                                    "application/json",
                                                                                                                    "{\"statusCode\": 200}")
                                                                                                            .integrationResponse(
                                                                                                                    "200",
                                                                                                                    ir ->
                                                                                                                            ir
                                                                                                                                    .putResponseTemplate(
                                                                                                                                            "application/json",
                                                                                                                                            "[{\"id\": 1}]")))
                                                                                    .methodResponse(
                                                                                            "200",
                                                                                            mr -> {}))))
                    .build();

    @Test
    void getPets_mock_returnsThem(Api api) {
        assertThat(api.handle(Request.get("/test/pets"))).hasStatus(200).hasJsonPath("$[0].id", 1);
    }

    @Test
    void getPets_overHttp_returnsThem(ServedApi served) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(served.uri("/pets")).build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[{\"id\": 1}]");
    }
}
