package dev.apigw.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dimension values of the metrics (reference 10.1; 9.2 for the canary's stage value). */
class DimensionsTest {
    @Test
    void apiName_asciiName_unchanged() {
        assertThat(Dimensions.apiName("orders-api v2", "abc123defg")).isEqualTo("orders-api v2");
    }

    @Test
    void apiName_nonAsciiCharacters_stripped() {
        assertThat(Dimensions.apiName("Bestellübersicht ✓ API", "abc123defg"))
                .isEqualTo("Bestellbersicht  API");
    }

    @Test
    void apiName_supplementaryCharacters_strippedWhole() {
        assertThat(Dimensions.apiName("pets\uD83D\uDC36", "abc123defg")).isEqualTo("pets");
    }

    @Test
    void apiName_noAsciiCharacterLeft_isTheApiId() {
        assertThat(Dimensions.apiName("注文サービス", "abc123defg")).isEqualTo("abc123defg");
    }

    @Test
    void apiName_longerThan255_cutTo255() {
        assertThat(Dimensions.apiName("a".repeat(300), "abc123defg")).isEqualTo("a".repeat(255));
    }

    @Test
    void stage_canary_hasCanarySuffix() {
        assertThat(Dimensions.stage("prod", false)).isEqualTo("prod");
        assertThat(Dimensions.stage("prod", true)).isEqualTo("prod/Canary");
    }

    @Test
    void value_longerThan255_cutTo255() {
        String path = "/" + "segment/".repeat(40);

        assertThat(Dimensions.value(path)).hasSize(255).isEqualTo(path.substring(0, 255));
        assertThat(Dimensions.value("/pets")).isEqualTo("/pets");
    }
}
