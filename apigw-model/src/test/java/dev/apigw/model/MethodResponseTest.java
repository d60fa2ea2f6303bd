package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Method responses: copies and edits. */
class MethodResponseTest {

    @Test
    void copy_changesOneField_keepsTheRest() {
        MethodResponse original =
                MethodResponse.builder()
                        .statusCode("200")
                        .putResponseParameter("method.response.header.X-Trace", false)
                        .putResponseModel("application/json", "Empty")
                        .build();

        MethodResponse changed = original.copy(b -> b.statusCode("201"));

        assertThat(changed.statusCode()).isEqualTo("201");
        assertThat(changed.responseParameters()).isEqualTo(original.responseParameters());
        assertThat(changed.responseModels()).isEqualTo(original.responseModels());
        assertThat(original.statusCode()).isEqualTo("200");
        assertThat(original.copy(b -> {})).isEqualTo(original).hasSameHashCodeAs(original);
    }
}
