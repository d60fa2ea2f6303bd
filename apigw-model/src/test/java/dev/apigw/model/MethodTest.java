package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A method of a resource (reference 7.1, Appendix A and B). */
class MethodTest {
    private static final String AUTHORIZER_TEXT =
            "Invalid authorizer ID specified. Setting the"
                    + " authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.";

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = AuthorizationType.class,
            names = {"CUSTOM", "COGNITO_USER_POOLS"})
    void build_authorizerTypeWithoutAuthorizer_throwsAwsText(AuthorizationType type) {
        assertThatThrownBy(() -> Method.builder().httpMethod("GET").authorizationType(type).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(AUTHORIZER_TEXT);
        assertThatThrownBy(
                        () ->
                                Method.builder()
                                        .httpMethod("GET")
                                        .authorizationType(type)
                                        .authorizerId(" ")
                                        .build())
                .hasMessage(AUTHORIZER_TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = AuthorizationType.class,
            names = {"NONE", "AWS_IAM"})
    void build_authorizationWithoutAuthorizer_isAccepted(AuthorizationType type) {
        assertThat(
                        Method.builder()
                                .httpMethod("GET")
                                .authorizationType(type)
                                .build()
                                .authorizationType())
                .isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"})
    void build_knownHttpMethod_isKept(String httpMethod) {
        assertThat(Method.builder().httpMethod(httpMethod).build().httpMethod())
                .isEqualTo(httpMethod);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TRACE", "CONNECT", "FETCH", "get"})
    void build_unknownHttpMethod_throwsNamingIt(String httpMethod) {
        assertThatThrownBy(() -> Method.builder().httpMethod(httpMethod).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("httpMethod '" + httpMethod + "' must be one of");
    }

    @Test
    void build_noHttpMethod_throwsNamingField() {
        assertThatThrownBy(() -> Method.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpMethod is required");
    }

    @Test
    void build_defaults_noneAuthNoKeyNoIntegration() {
        Method m = Method.builder().httpMethod("GET").build();

        assertThat(m.authorizationType()).isEqualTo(AuthorizationType.NONE);
        assertThat(m.apiKeyRequired()).isFalse();
        assertThat(m.integration()).isEmpty();
        assertThat(m.authorizerId()).isEmpty();
        assertThat(m.requestValidatorId()).isEmpty();
        assertThat(m.methodResponses()).isEmpty();
    }

    @Test
    void integration_nestedFailure_isReportedByResourceWithPathAndMethod() {
        assertThatThrownBy(
                        () ->
                                RestApi.builder()
                                        .name("n")
                                        .resource(
                                                "/a/{b}",
                                                r ->
                                                        r.method(
                                                                "DELETE",
                                                                m ->
                                                                        m.integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .HTTP_PROXY)
                                                                                                .httpMethod(
                                                                                                        "ANY")
                                                                                                .uri(
                                                                                                        "ftp://example.com")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "/a/{b} DELETE: Invalid HTTP endpoint specified for URI:"
                                + " ftp://example.com");
    }

    @Test
    void methodResponse_invalidStatus_namesResponse() {
        assertThatThrownBy(() -> Method.builder().httpMethod("GET").methodResponse("99", mr -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "method response 99: statusCode '99' must satisfy"
                                + " regular expression pattern: [1-5]\\d\\d");
    }

    @Test
    void toBuilderAndCopy_roundTripAndChange() {
        Method original =
                Method.builder()
                        .httpMethod("POST")
                        .apiKeyRequired(true)
                        .putRequestParameter("method.request.querystring.q", true)
                        .methodResponse("200", mr -> {})
                        .operationName("create")
                        .integration(i -> i.type(IntegrationType.MOCK))
                        .build();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
        Method changed = original.copy(b -> b.apiKeyRequired(false));
        assertThat(changed.apiKeyRequired()).isFalse();
        assertThat(original.apiKeyRequired()).isTrue();
        assertThat(changed.requestParameters()).isEqualTo(original.requestParameters());
    }
}
