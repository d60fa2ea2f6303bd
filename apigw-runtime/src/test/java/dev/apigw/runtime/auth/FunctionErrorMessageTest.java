package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Lambda authorizer's refusal: the function error {@code Unauthorized} exactly (reference 8.3).
 */
class FunctionErrorMessageTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"errorMessage\":\"Unauthorized\",\"errorType\":\"X\"}|true",
                "{\"errorType\":\"X\",\"stackTrace\":[\"a\"],\"errorMessage\":\"Unauthorized\"}|true",
                "{\"errorMessage\":\"unauthorized\"}|false",
                "{\"errorMessage\":\"Unauthorized: expired\"}|false",
                "{\"errorMessage\":\" Unauthorized\"}|false",
                "{\"errorMessage\":null}|false",
                "{\"errorMessage\":{\"m\":\"Unauthorized\"}}|false",
                "{\"nested\":{\"errorMessage\":\"Unauthorized\"}}|false",
                "\"Unauthorized\"|false",
                "not json|false",
                "{\"errorMessage\":\"Unauthorized\"|true"
            })
    void isUnauthorized_payload_onlyTheExactMessage(String payload, boolean expected) {
        assertThat(FunctionErrorMessage.isUnauthorized(payload.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
    }
}
