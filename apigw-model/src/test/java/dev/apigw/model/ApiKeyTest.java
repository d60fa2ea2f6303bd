package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys (reference 8.2). */
class ApiKeyTest {
    private static final String VALUE = "abcdefghij0123456789";

    @Test
    void of_value_isEnabledWithDerivedId() {
        ApiKey key = ApiKey.of(VALUE);

        assertThat(key.value()).isEqualTo(VALUE);
        assertThat(key.enabled()).isTrue();
        assertThat(key.id()).hasSize(10).isEqualTo(ApiKey.of(VALUE).id());
        assertThat(ApiKey.of(VALUE + "x").id()).isNotEqualTo(key.id());
        assertThat(key.description()).isEmpty();
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {20, 21, 64, 128})
    void build_valueOfAllowedLength_isKept(int length) {
        assertThat(ApiKey.of("k".repeat(length)).value()).hasSize(length);
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {1, 19, 129, 500})
    void build_valueOfOtherLength_throws(int length) {
        assertThatThrownBy(() -> ApiKey.of("k".repeat(length)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKey value must be 20 to 128 characters long");
    }

    @Test
    void build_noValue_throwsNamingField() {
        assertThatThrownBy(() -> ApiKey.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKey value is required");
    }

    @Test
    void build_disabledWithIdAndName_isKept() {
        ApiKey key =
                ApiKey.builder()
                        .value(VALUE)
                        .id("k1")
                        .name("partner")
                        .enabled(false)
                        .description("for a partner")
                        .build();

        assertThat(key.id()).isEqualTo("k1");
        assertThat(key.name()).isEqualTo("partner");
        assertThat(key.enabled()).isFalse();
        assertThat(key.description()).contains("for a partner");
    }

    @Test
    void toBuilder_roundTripAndChange() {
        ApiKey original = ApiKey.builder().value(VALUE).name("n").build();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
        ApiKey disabled = original.toBuilder().enabled(false).build();
        assertThat(disabled).isNotEqualTo(original);
        assertThat(disabled.id()).isEqualTo(original.id());
    }

    @Test
    void copy_changesOneField_keepsTheRest() {
        ApiKey original =
                ApiKey.builder().value(VALUE).name("n").description("for a partner").build();

        ApiKey disabled = original.copy(b -> b.enabled(false));

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.id()).isEqualTo(original.id());
        assertThat(disabled.name()).isEqualTo("n");
        assertThat(disabled.value()).isEqualTo(VALUE);
        assertThat(disabled.description()).contains("for a partner");
        assertThat(original.enabled()).isTrue();
    }

    @Test
    void copy_invalidChange_throwsNamingField() {
        ApiKey original = ApiKey.of(VALUE);

        assertThatThrownBy(() -> original.copy(b -> b.value("short")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKey value must be 20 to 128 characters long");
        assertThat(original.value()).isEqualTo(VALUE);
    }
}
