package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Typed exchange attributes (issue 10 item 1). */
class AttributesTest {
    private static final AttributeKey<String> NAME = AttributeKey.of("name");
    private static final AttributeKey<Integer> COUNT = AttributeKey.of("count");

    @Test
    void get_unset_isEmpty() {
        assertThat(Attributes.empty().get(NAME)).isEmpty();
    }

    @Test
    void with_twoKeys_eachReadsItsOwn() {
        Attributes attributes = Attributes.empty().with(NAME, "pets").with(COUNT, 3);

        assertThat(attributes.get(NAME)).contains("pets");
        assertThat(attributes.get(COUNT)).contains(3);
    }

    @Test
    void with_sameKeyAgain_replacesAndLeavesTheOriginal() {
        Attributes first = Attributes.empty().with(NAME, "a");
        Attributes second = first.with(NAME, "b");

        assertThat(first.get(NAME)).contains("a");
        assertThat(second.get(NAME)).contains("b");
    }

    @Test
    void get_keyOfTheSameName_isAnotherKey() {
        AttributeKey<String> other = AttributeKey.of("name");

        assertThat(Attributes.empty().with(NAME, "pets").get(other)).isEmpty();
    }

    @Test
    void with_nullValue_throwsNamingTheKey() {
        assertThatThrownBy(() -> Attributes.empty().with(NAME, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }
}
