package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LocalHttpServer;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the {@code passthroughBehavior} table of reference 6.2 and its two doc examples,
 * through {@link Api#handle} with a real HTTP backend that echoes what it received.
 */
class PassthroughScenarioTest {
    private static final String JSON_TEMPLATE =
            "{\"mappedFrom\": \"json\", \"tag\": " + "\"$input.params('tag')\"}";
    private static final String XML_TEMPLATE = "<mapped tag=\"$input.params('tag')\"/>";

    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** What the request became: transformed by a template, passed through, or refused. */
    enum Outcome {
        TRANSFORM,
        PASS,
        REFUSE
    }

    private Api api(String apiId, PassthroughBehavior passthrough, Map<String, String> templates) {
        RestApi restApi =
                RestApi.builder()
                        .id(apiId)
                        .name("passthrough")
                        .resource(
                                "/notes",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .HTTP)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                server
                                                                                                                .origin()
                                                                                                        + "/notes")
                                                                                        .requestTemplates(
                                                                                                templates)
                                                                                        .passthroughBehavior(
                                                                                                passthrough)
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir -> {}))))
                        .build();
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .restApi(restApi)
                .deploy("v1")
                .build();
    }

    private static Request post(String contentType, String tag, String body) {
        Request.Builder request =
                Request.builder().httpMethod("POST").target("/v1/notes?tag=" + tag).body(body);
        return contentType == null
                ? request.build()
                : request.header("Content-Type", contentType).build();
    }

    private static void assertOutcome(
            Response response, Outcome outcome, String tag, String body, String template) {
        if (outcome == Outcome.REFUSE) {
            assertThat(response)
                    .isGatewayResponse(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE)
                    .hasBody("{\"message\":\"Unsupported Media Type\"}");
            return;
        }
        assertThat(response).hasStatus(200);
        JsonNode echo = LocalHttpServer.echoed(response.body());
        String sent = new String(LocalHttpServer.echoedBody(echo), StandardCharsets.UTF_8);
        if (outcome == Outcome.PASS) {
            assertThat(sent).isEqualTo(body);
        } else {
            assertThat(sent).isEqualTo(template.replace("$input.params('tag')", tag));
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(
                        "templates, match",
                        PassthroughBehavior.WHEN_NO_MATCH,
                        "application/json",
                        Outcome.TRANSFORM),
                Arguments.of(
                        "templates, match",
                        PassthroughBehavior.WHEN_NO_TEMPLATES,
                        "application/json",
                        Outcome.TRANSFORM),
                Arguments.of(
                        "templates, match",
                        PassthroughBehavior.NEVER,
                        "application/json",
                        Outcome.TRANSFORM),
                Arguments.of(
                        "templates, no match",
                        PassthroughBehavior.WHEN_NO_MATCH,
                        "text/plain",
                        Outcome.PASS),
                Arguments.of(
                        "templates, no match",
                        PassthroughBehavior.WHEN_NO_TEMPLATES,
                        "text/plain",
                        Outcome.REFUSE),
                Arguments.of(
                        "templates, no match",
                        PassthroughBehavior.NEVER,
                        "text/plain",
                        Outcome.REFUSE),
                Arguments.of(
                        "no templates",
                        PassthroughBehavior.WHEN_NO_MATCH,
                        "text/plain",
                        Outcome.PASS),
                Arguments.of(
                        "no templates",
                        PassthroughBehavior.WHEN_NO_TEMPLATES,
                        "text/plain",
                        Outcome.PASS),
                Arguments.of(
                        "no templates", PassthroughBehavior.NEVER, "text/plain", Outcome.REFUSE));
    }

    @ParameterizedTest(name = "{0}, {1} -> {3}")
    @MethodSource("table")
    void handle_passthroughTable_transformsPassesOrRefuses(
            String state, PassthroughBehavior passthrough, String contentType, Outcome outcome) {
        Map<String, String> templates =
                state.equals("no templates") ? Map.of() : Map.of("application/json", JSON_TEMPLATE);
        String tag = "t" + state.length() + passthrough.ordinal();
        String body = "raw body of " + state + " / " + passthrough + " ✓";

        Response response =
                api("tbl" + passthrough.ordinal(), passthrough, templates)
                        .handle(post(contentType, tag, body));

        assertOutcome(response, outcome, tag, body, JSON_TEMPLATE);
    }

    static Stream<Arguments> jsonTemplateExample() {
        return Stream.of(PassthroughBehavior.values())
                .flatMap(
                        p ->
                                Stream.of(
                                        Arguments.of(p, null, Outcome.TRANSFORM),
                                        Arguments.of(p, "application/json", Outcome.TRANSFORM),
                                        Arguments.of(
                                                p,
                                                "application/xml",
                                                p == PassthroughBehavior.WHEN_NO_MATCH
                                                        ? Outcome.PASS
                                                        : Outcome.REFUSE)));
    }

    @ParameterizedTest(name = "{0}, Content-Type {1} -> {2}")
    @MethodSource("jsonTemplateExample")
    void handle_onlyJsonTemplate_followsDocExampleOne(
            PassthroughBehavior passthrough, String contentType, Outcome outcome) {
        String tag = "dog" + passthrough.ordinal();
        String body = "<pet kind=\"dog\" n=\"" + passthrough.ordinal() + "\"/>";

        Response response =
                api("exone", passthrough, Map.of("application/json", JSON_TEMPLATE))
                        .handle(post(contentType, tag, body));

        assertOutcome(response, outcome, tag, body, JSON_TEMPLATE);
    }

    static Stream<Arguments> xmlTemplateExample() {
        return Stream.of(PassthroughBehavior.values())
                .flatMap(
                        p -> {
                            Outcome unmapped =
                                    p == PassthroughBehavior.WHEN_NO_MATCH
                                            ? Outcome.PASS
                                            : Outcome.REFUSE;
                            return Stream.of(
                                    Arguments.of(p, null, unmapped),
                                    Arguments.of(p, "application/json", unmapped),
                                    Arguments.of(p, "application/xml", Outcome.TRANSFORM));
                        });
    }

    @ParameterizedTest(name = "{0}, Content-Type {1} -> {2}")
    @MethodSource("xmlTemplateExample")
    void handle_onlyXmlTemplate_followsDocExampleTwo(
            PassthroughBehavior passthrough, String contentType, Outcome outcome) {
        String tag = "cat" + passthrough.ordinal();
        String body = "{\"kind\": \"cat\", \"n\": " + passthrough.ordinal() + "}";

        Response response =
                api("extwo", passthrough, Map.of("application/xml", XML_TEMPLATE))
                        .handle(post(contentType, tag, body));

        assertOutcome(response, outcome, tag, body, XML_TEMPLATE);
    }

    @Test
    void handle_contentTypeWithParametersAndCase_selectsTemplateByMimeType() {
        Api api =
                api("params1", PassthroughBehavior.NEVER, Map.of("application/xml", XML_TEMPLATE));

        Response response =
                api.handle(post("Application/XML; charset=ISO-8859-1", "p7", "<ignored/>"));

        assertOutcome(response, Outcome.TRANSFORM, "p7", "<ignored/>", XML_TEMPLATE);
    }

    @Test
    void handle_templateKeyWithParameters_matchesBareMimeType() {
        Api api =
                api(
                        "params2",
                        PassthroughBehavior.WHEN_NO_TEMPLATES,
                        Map.of("application/json; charset=UTF-8", JSON_TEMPLATE));

        Response response = api.handle(post("application/json", "k2", "{}"));

        assertOutcome(response, Outcome.TRANSFORM, "k2", "{}", JSON_TEMPLATE);
    }

    @Test
    void handle_refusedMockRequest_neverReachesIntegration() {
        RestApi restApi =
                RestApi.builder()
                        .id("mock415")
                        .name("m")
                        .resource(
                                "/m",
                                r ->
                                        r.method(
                                                "PUT",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .passthroughBehavior(
                                                                                                PassthroughBehavior
                                                                                                        .NEVER)
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        "{\"reached\": true}")))))
                        .build();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(restApi)
                        .deploy("s")
                        .build();

        Response response =
                api.handle(
                        Request.builder()
                                .httpMethod("PUT")
                                .target("/s/m")
                                .header("Content-Type", "text/csv")
                                .body("a,b")
                                .build());

        assertThat(response).hasStatus(415);
        assertThat(response.bodyAsString()).doesNotContain("reached");
    }
}
