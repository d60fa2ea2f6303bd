package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A resource: its path parts and methods (reference 7.1). */
class ResourceTest {
    private static final Integration MOCK =
            Integration.builder().type(IntegrationType.MOCK).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/|''|",
                "/pets|pets|/",
                "/pets/{petId}|{petId}|/pets",
                "/a/b/{proxy+}|{proxy+}|/a/b",
            })
    void pathPartAndParent_ofPath_asAws(String path, String part, String parent) {
        Resource r = Resource.builder().path(path).build();

        assertThat(r.pathPart()).isEqualTo(part);
        assertThat(r.parentPath().orElse(null)).isEqualTo(parent);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "", " ", "pets", "/pets/", "/a//b", "/{a}b", "/a{b}", "/{a+}x", "/{a b}", "/{}",
                "/{+}", "/a/{", "/}"
            })
    void build_invalidPath_throws(String path) {
        assertThatThrownBy(() -> Resource.builder().path(path).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_noPath_throwsNamingField() {
        assertThatThrownBy(() -> Resource.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path is required");
    }

    @Test
    void build_invalidPart_messageNamesPartAndRule() {
        assertThatThrownBy(() -> Resource.builder().path("/pets/id{x}").build())
                .hasMessageContaining("'id{x}'")
                .hasMessageContaining("a part is a literal, {name} or {name+}, a whole segment");
    }

    @Test
    void method_nestedFailure_namesPathAndMethod() {
        assertThatThrownBy(
                        () ->
                                Resource.builder()
                                        .path("/orders")
                                        .method(
                                                "POST",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(IntegrationType.AWS)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        "arn:aws:apigateway:us-east-1:s3:bucket"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "/orders POST: AWS ARN for integration must contain path" + " or action");
    }

    @Test
    void methods_keptInDefinitionOrderAndLookedUpByName() {
        Resource r =
                Resource.builder()
                        .path("/x")
                        .method("POST", m -> m.integration(MOCK))
                        .method("ANY", m -> m.integration(MOCK))
                        .method("GET", m -> m.integration(MOCK))
                        .build();

        assertThat(r.methods().keySet()).containsExactly("POST", "ANY", "GET");
        assertThat(r.method("ANY")).isPresent();
        assertThat(r.method("HEAD")).isEmpty();
    }

    @Test
    void method_sameHttpMethodTwice_replaces() {
        Resource r =
                Resource.builder()
                        .path("/x")
                        .method("GET", m -> m.integration(MOCK).operationName("first"))
                        .method("GET", m -> m.integration(MOCK).operationName("second"))
                        .build();

        assertThat(r.methods()).hasSize(1);
        assertThat(r.method("GET").orElseThrow().operationName()).contains("second");
    }

    @Test
    void id_derivedFromPathOrSet() {
        Resource a = Resource.builder().path("/a").build();

        assertThat(a.id()).hasSize(6).isEqualTo(Resource.builder().path("/a").build().id());
        assertThat(Resource.builder().path("/b").build().id()).isNotEqualTo(a.id());
        assertThat(Resource.builder().path("/a").id("r1").build().id()).isEqualTo("r1");
    }

    @Test
    void toBuilderAndCopy_roundTripAndChange() {
        Resource original =
                Resource.builder().path("/p/{id}").method("GET", m -> m.integration(MOCK)).build();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
        Resource changed = original.copy(b -> b.method("DELETE", m -> m.integration(MOCK)));
        assertThat(changed.methods()).containsOnlyKeys("GET", "DELETE");
        assertThat(original.methods()).containsOnlyKeys("GET");
    }
}
