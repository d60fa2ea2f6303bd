package dev.apigw.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Model;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.mapping.JsonDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden cases of {@code $context.error.validationErrorString} for request bodies (reference
 * 1.2, 1.7 T15, 3.1 BAD_REQUEST_BODY, 4.3, 8.1), from {@code
 * fixtures/validation/golden/cases.json}; each case names its reference sections and the source of
 * its exact text (the fixture's README says why the text is java-json-tools'). Every case runs
 * through the {@link BodyValidator} the pipeline uses and through {@link Api#handle}, so a
 * validator swapped in behind the interface must keep every response.
 */
class BodyValidatorGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "/fixtures/validation/golden/cases.json";
    private static final String API_ID = "golden";

    /** One golden case: the API's models, the request model, the body and what AWS shows. */
    record Case(
            String name,
            String reference,
            Map<String, String> models,
            String model,
            String body,
            String expected) {
        @Override
        public String toString() {
            return name + " (reference " + reference + ")";
        }
    }

    static Stream<Case> cases() {
        try (InputStream in = BodyValidatorGoldenTest.class.getResourceAsStream(FIXTURE)) {
            JsonNode root = JSON.readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                Map<String, String> models = new LinkedHashMap<>();
                c.get("models").properties().forEach(m -> models.put(m.getKey(), text(m)));
                cases.add(
                        new Case(
                                c.get("name").asText(),
                                c.get("reference").asText(),
                                models,
                                c.get("model").asText(),
                                c.has("bodyText")
                                        ? c.get("bodyText").asText()
                                        : JSON.writeValueAsString(c.get("body")),
                                c.has("expected") ? c.get("expected").asText() : null));
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Map.Entry<String, JsonNode> model) {
        try {
            return JSON.writeValueAsString(model.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RestApi restApi(Case c) {
        RestApi.Builder api =
                RestApi.builder()
                        .id(API_ID)
                        .name("golden-validation")
                        .requestValidator(new RequestValidator("body", "body-only", true, false))
                        .gatewayResponse(
                                GatewayResponseType.BAD_REQUEST_BODY,
                                g ->
                                        g.putResponseTemplate(
                                                "application/json",
                                                "$context.error.validationErrorString"))
                        .resource(
                                "/check",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.requestValidatorId("body")
                                                                .putRequestModel(
                                                                        "application/json", c.model)
                                                                .methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 200}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))));
        c.models.forEach((name, schema) -> api.model(Model.json(name, schema)));
        return api.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validationErrorString_parsedBody_asGoldenCase(Case c) {
        Optional<JsonDocument> document = JsonDocument.parse(c.body);
        assumeTrue(
                !c.body.isEmpty() && document.isPresent() && !document.get().hasTrailingContent(),
                "the step decides for an empty or non-JSON body; handle_ covers it");
        BodyValidator validator = ModelSchemas.of(restApi(c)).validator(c.model);

        assertThat(validator.validationErrorString(document.get().root()))
                .isEqualTo(Optional.ofNullable(c.expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void handle_bodyUnderModel_showsGoldenValidationErrorString(Case c) {
        Api api = Api.builder().restApi(restApi(c)).deploy("prod").build();

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/prod/check")
                                .header("Content-Type", "application/json")
                                .body(c.body)
                                .build());

        if (c.expected == null) {
            assertThat(response.statusCode()).isEqualTo(200);
        } else {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.bodyAsString()).isEqualTo(c.expected);
        }
    }
}
