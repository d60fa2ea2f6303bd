package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import dev.apigw.runtime.pipeline.TestExchanges;
import org.junit.jupiter.api.Test;

/**
 * The method ARN (reference 8.3, 8.7): region, account, API id, stage, the actual method and the
 * request's own path after the stage; the root ends in {@code /}; over 1,600 bytes answers 414.
 */
class MethodArnTest {
    private static Exchange routed(String resource, String method, Request request) {
        return TestExchanges.builder()
                .apiId("unitapi001")
                .method(resource, method, m -> {})
                .routed(request);
    }

    @Test
    void of_pathWithParameter_namesTheValueNotTheTemplate() {
        String arn = MethodArn.of(routed("/pets/{id}", "GET", Request.get("/test/pets/a1b2")));

        assertThat(arn)
                .isEqualTo(
                        "arn:aws:execute-api:ap-south-1:111122223333:unitapi001/test/GET/pets/a1b2");
    }

    @Test
    void of_rootResource_endsInASlash() {
        String arn = MethodArn.of(routed("/", "POST", Request.of("POST", "/test/")));

        assertThat(arn).endsWith("unitapi001/test/POST/");
    }

    @Test
    void of_anyMethod_namesTheActualMethod() {
        String arn = MethodArn.of(routed("/pets", "ANY", Request.of("DELETE", "/test/pets")));

        assertThat(arn).endsWith("/test/DELETE/pets");
    }

    @Test
    void of_arnOver1600Bytes_answers414() {
        String longValue = "é".repeat(800);
        Exchange exchange = routed("/{proxy+}", "GET", Request.get("/test/" + longValue));

        GatewayException e =
                catchThrowableOfType(GatewayException.class, () -> MethodArn.of(exchange));

        assertThat(e.statusCode()).isEqualTo(414);
        assertThat(e.errorMessage()).contains("Request-URI Too Long");
    }

    @Test
    void of_arnOf1600Bytes_isAccepted() {
        Exchange probe = routed("/{proxy+}", "GET", Request.get("/test/x"));
        int prefix = MethodArn.of(probe).length() - 1;
        String path = "x".repeat(MethodArn.MAX_BYTES - prefix);

        assertThat(MethodArn.of(routed("/{proxy+}", "GET", Request.get("/test/" + path))))
                .hasSize(MethodArn.MAX_BYTES);
    }
}
