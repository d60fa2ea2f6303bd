package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST API definition and its resource-tree rules (reference 7.1 and Appendix B). */
class RestApiTest {
    private static final Integration MOCK =
            Integration.builder().type(IntegrationType.MOCK).build();

    private static RestApi.Builder api() {
        return RestApi.builder().name("shop");
    }

    @Test
    void build_deepResource_createsAncestorsWithoutMethodsRootFirst() {
        RestApi api =
                api().resource("/a/{id}/c", r -> r.method("GET", m -> m.integration(MOCK))).build();

        assertThat(api.resources().keySet()).containsExactly("/", "/a", "/a/{id}", "/a/{id}/c");
        assertThat(api.resources().get("/").methods()).isEmpty();
        assertThat(api.resources().get("/a").methods()).isEmpty();
        assertThat(api.resources().get("/a/{id}").methods()).isEmpty();
        assertThat(api.resources().get("/a/{id}/c").methods()).containsOnlyKeys("GET");
    }

    @Test
    void build_childDeclaredBeforeParent_parentKeepsItsMethodsAndComesFirst() {
        RestApi api =
                api().resource("/x/y", r -> r.method("PUT", m -> m.integration(MOCK)))
                        .resource("/x", r -> r.method("DELETE", m -> m.integration(MOCK)))
                        .resource("/", r -> r.method("GET", m -> m.integration(MOCK)))
                        .build();

        assertThat(api.resources().keySet()).containsExactly("/", "/x", "/x/y");
        assertThat(api.resource("/x").orElseThrow().methods()).containsOnlyKeys("DELETE");
        assertThat(api.resource("/").orElseThrow().methods()).containsOnlyKeys("GET");
    }

    @Test
    void build_noResources_hasOnlyRoot() {
        RestApi api = api().build();

        assertThat(api.resources().keySet()).containsExactly("/");
        assertThat(api.resource("/nope")).isEmpty();
    }

    @Test
    void resource_samePathTwice_mergesMethods() {
        RestApi api =
                api().resource("/pets", r -> r.method("GET", m -> m.integration(MOCK)))
                        .resource("/pets", r -> r.method("POST", m -> m.integration(MOCK)))
                        .build();

        assertThat(api.resource("/pets").orElseThrow().methods()).containsOnlyKeys("GET", "POST");
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
        "/pets/{id}, /pets/{proxy+}, {id}",
        "/pets/{proxy+}, /pets/{dynamic}, {proxy+}",
        "/{a}, /{b}, {a}",
        "/x/{petId}/toys, /x/{id}, {petId}",
    })
    void build_twoVariableSiblings_throwsAwsText(String first, String second, String sibling) {
        RestApi.Builder b = api().resource(first, r -> {}).resource(second, r -> {});

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(
                        "A sibling ("
                                + sibling
                                + ") of this resource already has"
                                + " a variable path part -- only one is allowed")
                .hasMessageStartingWith(second.substring(0, second.indexOf('}') + 1));
    }

    @Test
    void build_sameVariableUnderOneParentTwice_isAllowed() {
        RestApi api =
                api().resource("/pets/{id}", r -> {})
                        .resource("/pets/{id}/toys", r -> {})
                        .resource("/toys/{id}", r -> {})
                        .build();

        assertThat(api.resources()).containsKeys("/pets/{id}/toys", "/toys/{id}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/{proxy+}/x, {proxy+}",
        "/files/{key+}/{more}, {key+}",
        "/a/{rest+}/b/c, {rest+}",
    })
    void build_childOfGreedy_throwsAwsText(String path, String greedy) {
        RestApi.Builder b = api().resource(path, r -> r.method("GET", m -> m.integration(MOCK)));

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "Cannot create a child of a resource with a greedy path"
                                + " variable: "
                                + greedy);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "pets",
                "/pets/",
                "/a//b",
                "/a{b}",
                "/{a",
                "/a}",
                "/{}",
                "/{+}",
                "/{a+b}",
                "/a b",
                "/a?b",
                "/a#b",
                "/pre{id}",
                "/{id}post",
                "/{ id}"
            })
    void resource_invalidPath_throwsNamingThePath(String path) {
        assertThatThrownBy(() -> api().resource(path, r -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + path + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"/{proxy+}", "/{a.b-c_d$}", "/v1.0/pets", "/Pets/{PetID}/a-b_c~", "/%2B"})
    void resource_validPath_isKept(String path) {
        assertThat(api().resource(path, r -> {}).build().resource(path)).isPresent();
    }

    @Test
    void build_unknownRequestValidator_throwsNamingPlace() {
        RestApi.Builder b =
                api().requestValidator(new RequestValidator("v1", "all", true, true))
                        .resource(
                                "/pets/{id}",
                                r ->
                                        r.method(
                                                "PATCH",
                                                m -> m.integration(MOCK).requestValidatorId("v2")));

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/pets/{id} PATCH: Invalid Request Validator identifier specified: v2");
    }

    @Test
    void build_knownRequestValidator_isAccepted() {
        RestApi api =
                api().requestValidator(new RequestValidator("v1", "all", true, true))
                        .resource(
                                "/pets",
                                r ->
                                        r.method(
                                                "POST",
                                                m -> m.integration(MOCK).requestValidatorId("v1")))
                        .build();

        assertThat(
                        api.resource("/pets")
                                .orElseThrow()
                                .method("POST")
                                .orElseThrow()
                                .requestValidatorId())
                .contains("v1");
    }

    @Test
    void build_unknownAuthorizer_throwsNamingPlace() {
        RestApi.Builder b =
                api().authorizer(tokenAuthorizer("known"))
                        .resource(
                                "/orders",
                                r ->
                                        r.method(
                                                "ANY",
                                                m ->
                                                        m.integration(MOCK)
                                                                .authorizationType(
                                                                        AuthorizationType.CUSTOM)
                                                                .authorizerId("missing")));

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/orders ANY: Invalid authorizer ID specified: missing");
    }

    @Test
    void build_knownAuthorizer_isAccepted() {
        RestApi api =
                api().authorizer(tokenAuthorizer("known"))
                        .resource(
                                "/orders",
                                r ->
                                        r.method(
                                                "GET",
                                                m ->
                                                        m.integration(MOCK)
                                                                .authorizationType(
                                                                        AuthorizationType.CUSTOM)
                                                                .authorizerId("known")))
                        .build();

        assertThat(api.authorizers()).containsOnlyKeys("known");
    }

    @Test
    void build_nestedIntegrationError_namesPathAndMethod() {
        assertThatThrownBy(
                        () ->
                                api().resource(
                                                "/pets/{id}",
                                                r ->
                                                        r.method(
                                                                "GET",
                                                                m ->
                                                                        m.integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .HTTP)
                                                                                                .httpMethod(
                                                                                                        "GET")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/pets/{id} GET: integration uri is required");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " "})
    void build_blankName_throwsNamingField(String name) {
        assertThatThrownBy(() -> RestApi.builder().name(name).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name is required");
        assertThatThrownBy(() -> RestApi.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 10_485_761, Integer.MIN_VALUE})
    void build_minimumCompressionSizeOutOfRange_throws(int size) {
        assertThatThrownBy(() -> api().minimumCompressionSize(size).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 10485760");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 1024, 10_485_760})
    void build_minimumCompressionSizeInRange_isKept(int size) {
        assertThat(api().minimumCompressionSize(size).build().minimumCompressionSize())
                .hasValue(size);
    }

    @Test
    void build_defaults_asAws() {
        RestApi api = api().build();

        assertThat(api.apiKeySource()).isEqualTo(ApiKeySourceType.HEADER);
        assertThat(api.endpointConfiguration())
                .isEqualTo(EndpointConfiguration.of(EndpointType.EDGE));
        assertThat(api.minimumCompressionSize()).isEmpty();
        assertThat(api.binaryMediaTypes()).isEmpty();
        assertThat(api.gatewayResponses()).isEmpty();
    }

    @Test
    void id_sameNameTwice_sameIdAndOtherNameOtherId() {
        assertThat(api().build().id()).isEqualTo(api().build().id()).hasSize(10);
        assertThat(RestApi.builder().name("other").build().id()).isNotEqualTo(api().build().id());
        assertThat(api().id("abc123").build().id()).isEqualTo("abc123");
    }

    @Test
    void toBuilder_buildUnchanged_equalsOriginal() {
        RestApi original = fullApi();

        RestApi rebuilt = original.toBuilder().build();

        assertThat(rebuilt).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(rebuilt.resources()).isEqualTo(original.resources());
    }

    @Test
    void copy_changesOneField_keepsTheRest() {
        RestApi original = fullApi();

        RestApi changed = original.copy(b -> b.description("changed"));

        assertThat(changed.description()).contains("changed");
        assertThat(original.description()).contains("the shop");
        assertThat(changed).isNotEqualTo(original);
        assertThat(changed.resources()).isEqualTo(original.resources());
        assertThat(changed.binaryMediaTypes()).isEqualTo(original.binaryMediaTypes());
        assertThat(changed.copy(b -> b.description("the shop"))).isEqualTo(original);
    }

    @Test
    void copy_addsResource_originalUnchanged() {
        RestApi original = fullApi();

        RestApi changed = original.copy(b -> b.resource("/new", r -> {}));

        assertThat(changed.resources()).containsKey("/new");
        assertThat(original.resources()).doesNotContainKey("/new");
    }

    @Test
    void collections_ofBuiltApi_areUnmodifiable() {
        RestApi api = fullApi();

        assertThatThrownBy(() -> api.binaryMediaTypes().add("x/y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> api.resources().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void binaryMediaTypes_builderListChangedAfterwards_doesNotLeakIn() {
        List<String> types = new ArrayList<>(List.of("image/png"));
        RestApi.Builder b = api().binaryMediaTypes(types);
        types.add("image/gif");

        assertThat(b.build().binaryMediaTypes()).containsExactly("image/png");
    }

    private static Authorizer tokenAuthorizer(String id) {
        return Authorizer.builder()
                .id(id)
                .name(id + "-name")
                .type(AuthorizerType.TOKEN)
                .authorizerUri(
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations")
                .build();
    }

    private static RestApi fullApi() {
        return RestApi.builder()
                .name("shop")
                .description("the shop")
                .version("1.2")
                .addBinaryMediaType("image/png")
                .minimumCompressionSize(100)
                .apiKeySource(ApiKeySourceType.AUTHORIZER)
                .endpointConfiguration(EndpointConfiguration.of(EndpointType.REGIONAL))
                .requestValidator(new RequestValidator("v", "body", true, false))
                .authorizer(tokenAuthorizer("auth"))
                .gatewayResponse(GatewayResponseType.DEFAULT_4XX, g -> g.statusCode(400))
                .resource(
                        "/pets/{id}",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.integration(MOCK)
                                                        .requestValidatorId("v")
                                                        .authorizationType(AuthorizationType.CUSTOM)
                                                        .authorizerId("auth")))
                .resource("/{proxy+}", r -> r.method("ANY", m -> m.integration(MOCK)))
                .build();
    }
}
