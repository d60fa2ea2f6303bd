package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code enableCors} writes the same definition as an import of a hand-written OpenAPI document in
 * the shape of the console's "Enable CORS" export (reference 11.2, 4.4): same model, same export,
 * and an export of it imports back unchanged.
 */
class EnableCorsExportTest {
    private static final String LAMBDA =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:pets/invocations";
    private static final String FIXTURE = "/fixtures/openapi/cors/console-style.json";

    /** The API of the fixture without its CORS parts, then {@code enableCors}. */
    static RestApi built() {
        Integration http =
                Integration.builder()
                        .type(IntegrationType.HTTP)
                        .httpMethod("GET")
                        .uri("https://backend.example.com/pets")
                        .integrationResponse("200", ir -> {})
                        .build();
        Integration lambda =
                Integration.builder()
                        .type(IntegrationType.AWS_PROXY)
                        .httpMethod("POST")
                        .uri(LAMBDA)
                        .build();
        Integration httpProxy =
                Integration.builder()
                        .type(IntegrationType.HTTP_PROXY)
                        .httpMethod("ANY")
                        .uri("https://backend.example.com/pets/{id}")
                        .putRequestParameter(
                                "integration.request.path.id", "method.request.path.id")
                        .build();
        return RestApi.builder()
                .name("cors-pets")
                .version("1.0")
                .resource(
                        "/pets",
                        r ->
                                r.method(
                                                "GET",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(http))
                                        .method("POST", m -> m.integration(lambda)))
                .resource(
                        "/pets/{id}",
                        r ->
                                r.method(
                                        "ANY",
                                        m ->
                                                m.putRequestParameter(
                                                                "method.request.path.id", true)
                                                        .integration(httpProxy)))
                .enableCors(c -> c.allowOrigin("https://app.example.com"))
                .build();
    }

    static RestApi imported() {
        try (InputStream in = EnableCorsExportTest.class.getResourceAsStream(FIXTURE)) {
            ImportResult result = OpenApiImporter.create().importStream(in);
            assertThat(result.warnings()).isEmpty();
            return result.api();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String export(RestApi api, ExportType type) {
        return OpenApiExporter.export(
                api,
                ExportOptions.of(
                        "prod",
                        o ->
                                o.exportType(type)
                                        .addExtensions(
                                                ExportExtension.APIGATEWAY,
                                                ExportExtension.AUTHORIZERS)
                                        .timestamp(Instant.parse("2026-12-04T00:00:00Z"))));
    }

    @Test
    void enableCors_consoleStyleDocument_sameModelAsItsImport() {
        assertThat(built()).isEqualTo(imported());
    }

    @ParameterizedTest
    @EnumSource(ExportType.class)
    void export_enableCorsApi_sameDocumentAsTheConsoleStyleImport(ExportType type) {
        assertThat(export(built(), type)).isEqualTo(export(imported(), type));
    }

    @ParameterizedTest
    @EnumSource(ExportType.class)
    void roundTrip_enableCorsApiExportedAndImported_unchanged(ExportType type) {
        RestApi api = built();

        RestApi again = OpenApiImporter.create().importText(export(api, type)).api();

        assertThat(again).isEqualTo(api);
    }
}
