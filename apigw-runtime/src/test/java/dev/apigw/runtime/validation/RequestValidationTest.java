package dev.apigw.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.Method;
import dev.apigw.model.Model;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Headers;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RequestValidationTest {
    private static RestApi api(Consumer<RestApi.Builder> changes) {
        RestApi.Builder b =
                RestApi.builder()
                        .name("unit-validation")
                        .id("unitval1")
                        .requestValidator(new RequestValidator("both", "both", true, true))
                        .requestValidator(new RequestValidator("nothing", "nothing", false, false))
                        .requestValidator(new RequestValidator("params", "params", false, true))
                        .model(Model.json("Thing", "{\"type\":\"object\",\"required\":[\"id\"]}"))
                        .model(Model.json("Text", "{\"type\":\"string\"}"));
        changes.accept(b);
        return b.build();
    }

    private static Method method(Consumer<Method.Builder> changes) {
        Method.Builder b = Method.builder().httpMethod("POST");
        changes.accept(b);
        return b.build();
    }

    private static RequestValidation compile(RestApi api, Method method) {
        return RequestValidation.compile(api, method, () -> ModelSchemas.of(api));
    }

    private static Supplier<ModelSchemas> unexpected() {
        return () -> {
            throw new AssertionError("models should not be loaded");
        };
    }

    @Test
    void compile_noValidator_returnsNone() {
        RestApi api = api(b -> {});

        assertThat(
                        RequestValidation.compile(
                                api,
                                method(
                                        m ->
                                                m.putRequestParameter(
                                                                "method.request.header.h", true)
                                                        .putRequestModel(
                                                                "application/json", "Thing")),
                                unexpected()))
                .isSameAs(RequestValidation.NONE);
    }

    @Test
    void compile_validatorCheckingNothing_returnsNone() {
        RestApi api = api(b -> {});

        assertThat(
                        RequestValidation.compile(
                                api,
                                method(
                                        m ->
                                                m.requestValidatorId("nothing")
                                                        .putRequestModel(
                                                                "application/json", "Thing")),
                                unexpected()))
                .isSameAs(RequestValidation.NONE);
        assertThat(RequestValidation.NONE.validatesBody()).isFalse();
        assertThat(RequestValidation.NONE.validatesParameters()).isFalse();
    }

    @Test
    void compile_parametersOnly_neverLoadsModels() {
        RestApi api = api(b -> {});

        RequestValidation validation =
                RequestValidation.compile(
                        api,
                        method(
                                m ->
                                        m.requestValidatorId("params")
                                                .putRequestModel("application/json", "Ghost")),
                        unexpected());

        assertThat(validation.validatesParameters()).isTrue();
        assertThat(validation.validatesBody()).isFalse();
        assertThat(validation.bodySchema("application/json")).isEmpty();
    }

    @Test
    void missingParameters_groupsByLocationInDeclarationOrder() {
        RestApi api = api(b -> {});
        RequestValidation validation =
                compile(
                        api,
                        method(
                                m ->
                                        m.requestValidatorId("params")
                                                .putRequestParameter(
                                                        "method.request.querystring.q2", true)
                                                .putRequestParameter("method.request.path.p1", true)
                                                .putRequestParameter(
                                                        "method.request.querystring.q1", true)
                                                .putRequestParameter(
                                                        "method.request.header.h2", true)
                                                .putRequestParameter(
                                                        "method.request.header.h1", true)
                                                .putRequestParameter(
                                                        "method.request.querystring.optional",
                                                        false)));

        assertThat(validation.missingParameters(Headers.empty(), Map.of(), Map.of()))
                .containsExactly("h2", "h1", "p1", "q2", "q1");
        assertThat(
                        validation.missingParameters(
                                Headers.of("H1", "x", "h2", "y"),
                                Map.of("p1", "v"),
                                Map.of("q1", List.of("a"), "q2", List.of("b"))))
                .isEmpty();
    }

    @Test
    void missingParameters_repeatedValues_presentWhenOneIsNotBlank() {
        RestApi api = api(b -> {});
        RequestValidation validation =
                compile(
                        api,
                        method(
                                m ->
                                        m.requestValidatorId("both")
                                                .putRequestParameter(
                                                        "method.request.header.X-Tag", true)
                                                .putRequestParameter(
                                                        "method.request.querystring.tag", true)
                                                .putRequestParameter(
                                                        "method.request.path.id", true)));

        assertThat(
                        validation.missingParameters(
                                Headers.of("x-tag", " ", "X-TAG", "t1"),
                                Map.of("id", " "),
                                Map.of("tag", List.of("", "t2"))))
                .containsExactly("id");
        assertThat(
                        validation.missingParameters(
                                Headers.of("x-tag", ""),
                                Map.of("id", "7"),
                                Map.of("tag", List.of(" ", ""))))
                .containsExactly("X-Tag", "tag");
    }

    @Test
    void bodySchema_mediaTypeThenDefaultThenNone() {
        RestApi api = api(b -> {});
        RequestValidation json =
                compile(
                        api,
                        method(
                                m ->
                                        m.requestValidatorId("both")
                                                .putRequestModel(
                                                        "Application/JSON; charset=utf-8",
                                                        "Thing")));
        RequestValidation fallback =
                compile(
                        api,
                        method(
                                m ->
                                        m.requestValidatorId("both")
                                                .putRequestModel("application/json", "Thing")
                                                .putRequestModel("$default", "Text")));

        assertThat(json.bodySchema("application/json"))
                .get()
                .satisfies(s -> assertThat(s.modelName()).isEqualTo("Thing"));
        assertThat(json.bodySchema("text/plain")).isEmpty();
        assertThat(fallback.bodySchema("text/plain"))
                .get()
                .satisfies(s -> assertThat(s.modelName()).isEqualTo("Text"));
        assertThat(fallback.bodySchema("application/json"))
                .get()
                .satisfies(s -> assertThat(s.modelName()).isEqualTo("Thing"));
    }

    @Test
    void compile_unknownModel_throwsNamingTheContentType() {
        RestApi api = api(b -> {});

        assertThatThrownBy(
                        () ->
                                compile(
                                        api,
                                        method(
                                                m ->
                                                        m.requestValidatorId("both")
                                                                .putRequestModel(
                                                                        "application/xml",
                                                                        "Nope"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request model for application/xml: model Nope does not exist");
    }
}
