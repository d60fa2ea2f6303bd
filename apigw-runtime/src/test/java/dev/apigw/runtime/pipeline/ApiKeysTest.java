package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ApiKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API keys found by value through their digest (reference 8.2). */
class ApiKeysTest {
    private static final ApiKey GOLD =
            ApiKey.builder().id("gold").name("gold").value("Gold0123456789abcdefXYZ").build();
    private static final ApiKey SILVER =
            ApiKey.builder().id("silver").name("silver").value("Silver0123456789abcdefXYZ").build();

    private final ApiKeys keys = ApiKeys.of(List.of(GOLD, SILVER));

    @Test
    void find_exactValue_returnsTheKey() {
        assertThat(keys.find("Gold0123456789abcdefXYZ")).contains(GOLD);
        assertThat(keys.find("Silver0123456789abcdefXYZ")).contains(SILVER);
    }

    @Test
    void find_prefixOrOtherCase_findsNothing() {
        assertThat(keys.find("Gold0123456789abcdef")).isEmpty();
        assertThat(keys.find("gold0123456789abcdefxyz")).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }
}
