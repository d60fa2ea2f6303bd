package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gateway response customisations: copies and edits (reference section 3.2). */
class GatewayResponseTest {

    @Test
    void copy_changesOneField_keepsTheRest() {
        GatewayResponse original =
                GatewayResponse.builder()
                        .responseType(GatewayResponseType.ACCESS_DENIED)
                        .statusCode(401)
                        .putResponseParameter(
                                "gatewayresponse.header.Access-Control-Allow-Origin", "'*'")
                        .putResponseTemplate("application/json", "{\"m\":$context.error.message}")
                        .build();

        GatewayResponse changed = original.copy(b -> b.statusCode(403));

        assertThat(changed.statusCode()).hasValue(403);
        assertThat(changed.responseType()).isEqualTo(GatewayResponseType.ACCESS_DENIED);
        assertThat(changed.responseParameters()).isEqualTo(original.responseParameters());
        assertThat(changed.responseTemplates()).isEqualTo(original.responseTemplates());
        assertThat(original.statusCode()).hasValue(401);
        assertThat(original.copy(b -> {})).isEqualTo(original).hasSameHashCodeAs(original);
    }
}
