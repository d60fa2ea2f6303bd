package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The 21 gateway response types with their statuses and fallbacks (reference 3.1 and 3.2). */
class GatewayResponseTypeTest {

    @Test
    void values_areExactlyAwsEnum() {
        assertThat(Arrays.stream(GatewayResponseType.values()).map(Enum::name))
                .containsExactlyInAnyOrder(
                        "DEFAULT_4XX",
                        "DEFAULT_5XX",
                        "RESOURCE_NOT_FOUND",
                        "UNAUTHORIZED",
                        "INVALID_API_KEY",
                        "ACCESS_DENIED",
                        "AUTHORIZER_FAILURE",
                        "AUTHORIZER_CONFIGURATION_ERROR",
                        "INVALID_SIGNATURE",
                        "EXPIRED_TOKEN",
                        "MISSING_AUTHENTICATION_TOKEN",
                        "INTEGRATION_FAILURE",
                        "INTEGRATION_TIMEOUT",
                        "API_CONFIGURATION_ERROR",
                        "UNSUPPORTED_MEDIA_TYPE",
                        "BAD_REQUEST_PARAMETERS",
                        "BAD_REQUEST_BODY",
                        "REQUEST_TOO_LARGE",
                        "THROTTLED",
                        "QUOTA_EXCEEDED",
                        "WAF_FILTERED");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        "ACCESS_DENIED, 403, DEFAULT_4XX",
        "API_CONFIGURATION_ERROR, 500, DEFAULT_5XX",
        "AUTHORIZER_CONFIGURATION_ERROR, 500, DEFAULT_5XX",
        "AUTHORIZER_FAILURE, 500, DEFAULT_5XX",
        "BAD_REQUEST_PARAMETERS, 400, DEFAULT_4XX",
        "BAD_REQUEST_BODY, 400, DEFAULT_4XX",
        "EXPIRED_TOKEN, 403, DEFAULT_4XX",
        "INTEGRATION_FAILURE, 504, DEFAULT_5XX",
        "INTEGRATION_TIMEOUT, 504, DEFAULT_5XX",
        "INVALID_API_KEY, 403, DEFAULT_4XX",
        "INVALID_SIGNATURE, 403, DEFAULT_4XX",
        "MISSING_AUTHENTICATION_TOKEN, 403, DEFAULT_4XX",
        "QUOTA_EXCEEDED, 429, DEFAULT_4XX",
        "REQUEST_TOO_LARGE, 413, DEFAULT_4XX",
        "RESOURCE_NOT_FOUND, 404, DEFAULT_4XX",
        "THROTTLED, 429, DEFAULT_4XX",
        "UNAUTHORIZED, 401, DEFAULT_4XX",
        "UNSUPPORTED_MEDIA_TYPE, 415, DEFAULT_4XX",
        "WAF_FILTERED, 403, DEFAULT_4XX",
    })
    void statusAndFallback_ofType_asReferenceTable(
            GatewayResponseType type, int status, GatewayResponseType fallback) {
        assertThat(type.defaultStatus()).isEqualTo(status);
        assertThat(type.fallback()).contains(fallback);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = GatewayResponseType.class,
            names = {"DEFAULT_4XX", "DEFAULT_5XX"})
    void defaultTypes_noStatusNoFallback(GatewayResponseType type) {
        assertThat(type.defaultStatus()).isZero();
        assertThat(type.fallback()).isEmpty();
        assertThat(type.errorType()).isEmpty();
        assertThat(type.defaultMessage()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = GatewayResponseType.class,
            names = {"DEFAULT_4XX", "DEFAULT_5XX"},
            mode = EnumSource.Mode.EXCLUDE)
    void fallback_followsStatusClass(GatewayResponseType type) {
        GatewayResponseType expected =
                type.defaultStatus() / 100 == 4
                        ? GatewayResponseType.DEFAULT_4XX
                        : GatewayResponseType.DEFAULT_5XX;

        assertThat(type.fallback()).contains(expected);
        assertThat(type.errorType()).isPresent();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MISSING_AUTHENTICATION_TOKEN|MissingAuthenticationTokenException"
                        + "|Missing Authentication Token",
                "API_CONFIGURATION_ERROR|InternalServerErrorException|Internal server error",
                "BAD_REQUEST_BODY|BadRequestException|Invalid request body",
                "INVALID_API_KEY|ForbiddenException|Forbidden",
                "INTEGRATION_TIMEOUT|InternalServerErrorException|Endpoint request timed out",
                "THROTTLED|TooManyRequestsException|Too Many Requests",
                "QUOTA_EXCEEDED|LimitExceededException|Limit Exceeded",
                "UNAUTHORIZED|UnauthorizedException|Unauthorized",
                "UNSUPPORTED_MEDIA_TYPE|BadRequestException|Unsupported Media Type",
                "ACCESS_DENIED|AccessDeniedException|User is not authorized to access this resource",
            })
    void errorTypeAndMessage_asReferenceTable(
            GatewayResponseType type, String errorType, String message) {
        assertThat(type.errorType()).contains(errorType);
        assertThat(type.defaultMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = GatewayResponseType.class,
            names = {"AUTHORIZER_CONFIGURATION_ERROR", "BAD_REQUEST_PARAMETERS"})
    void defaultMessage_noneOrBuiltPerRequest_isEmpty(GatewayResponseType type) {
        assertThat(type.defaultMessage()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(GatewayResponseType.class)
    void isCustomizable_allButRequestTooLarge(GatewayResponseType type) {
        assertThat(type.isCustomizable()).isEqualTo(type != GatewayResponseType.REQUEST_TOO_LARGE);
    }
}
