package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets in execution-log lines (reference 10.2: authorization headers and API keys). */
class SecretMaskTest {
    @Test
    void mask_headerMap_keepsTheLastSixCharacters() {
        assertThat(
                        SecretMask.mask(
                                "Method request headers: {authorization=Basic dXNlcjpwYXNz,"
                                        + " X-API-Key=abcdefghijklmnopqrst, Accept=*/*}"))
                .isEqualTo(
                        "Method request headers: {authorization="
                                + maskedTail("Basic dXNlcjpwYXNz")
                                + ", X-API-Key="
                                + maskedTail("abcdefghijklmnopqrst")
                                + ", Accept=*/*}");
    }

    @Test
    void mask_proxyEventJson_masksSingleAndMultiValueHeaders() {
        assertThat(
                        SecretMask.mask(
                                "{\"headers\":{\"Authorization\":\"Bearer 0123456789ab\"},"
                                        + "\"multiValueHeaders\":{\"Authorization\":[\"Bearer 0123456789ab\"]}}"))
                .isEqualTo(
                        "{\"headers\":{\"Authorization\":\""
                                + maskedTail("Bearer 0123456789ab")
                                + "\"},\"multiValueHeaders\":{\"Authorization\":[\""
                                + maskedTail("Bearer 0123456789ab")
                                + "\"]}}");
    }

    @Test
    void mask_sessionTokenAndPresignedQuery_areMasked() {
        assertThat(
                        SecretMask.mask(
                                "Method request query string: {X-Amz-Security-Token="
                                        + "FwoGZXIvYXdzEXAMPLE, X-Amz-Signature=0123456789abcdef,"
                                        + " X-Amz-Date=20261204T100000Z}"))
                .isEqualTo(
                        "Method request query string: {X-Amz-Security-Token="
                                + maskedTail("FwoGZXIvYXdzEXAMPLE")
                                + ", X-Amz-Signature="
                                + maskedTail("0123456789abcdef")
                                + ", X-Amz-Date=20261204T100000Z}");
    }

    @Test
    void mask_tokenAuthorizerEvent_masksTheToken() {
        assertThat(
                        SecretMask.mask(
                                "{\"type\":\"TOKEN\",\"authorizationToken\":\"eyJhbGciOiJSUzI1NiJ9\"}"))
                .isEqualTo(
                        "{\"type\":\"TOKEN\",\"authorizationToken\":\""
                                + maskedTail("eyJhbGciOiJSUzI1NiJ9")
                                + "\"}");
    }

    @Test
    void mask_authorizerAnswer_masksTheApiKey() {
        assertThat(SecretMask.mask("{\"usageIdentifierKey\":\"Gold0123456789abcdefXYZ\"}"))
                .isEqualTo(
                        "{\"usageIdentifierKey\":\""
                                + maskedTail("Gold0123456789abcdefXYZ")
                                + "\"}");
    }

    @Test
    void mask_shortSecret_isMaskedWhole() {
        assertThat(SecretMask.mask("{x-api-key=short}")).isEqualTo("{x-api-key=*****}");
    }

    @Test
    void mask_otherHeaders_areLeftAlone() {
        String line = "{X-Authorization-Mode=plain, my-x-api-key-id=7, Accept=*/*}";
        assertThat(SecretMask.mask(line)).isEqualTo(line);
    }

    private static String maskedTail(String value) {
        return "*".repeat(value.length() - 6) + value.substring(value.length() - 6);
    }
}
