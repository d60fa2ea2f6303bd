package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.EndpointType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportOptionsTest {
    @Test
    void defaults_documentedValues() {
        ImportOptions o = ImportOptions.defaults();

        assertThat(o.basePath()).isEqualTo(BasePathMode.IGNORE);
        assertThat(o.failOnWarnings()).isFalse();
        assertThat(o.endpointType()).isEqualTo(EndpointType.EDGE);
        assertThat(o.region()).isEqualTo("us-east-1");
        assertThat(o.accountId()).isEqualTo("123456789012");
        assertThat(o.partition()).isEqualTo("aws");
        assertThat(o.placeholders()).isEmpty();
    }

    @Test
    void build_placeholdersMapChangedLater_keepsCopy() {
        Map<String, String> values = new HashMap<>(Map.of("Table", "otters"));
        ImportOptions o = ImportOptions.builder().placeholders(values).build();
        values.put("Queue", "q");

        assertThat(o.placeholders()).containsExactly(Map.entry("Table", "otters"));
    }

    @Test
    void toBuilder_changedCopy_leavesOriginal() {
        ImportOptions o = ImportOptions.builder().region("ap-south-2").build();
        ImportOptions copy = o.toBuilder().putPlaceholder("Fn", "x").build();

        assertThat(copy.region()).isEqualTo("ap-south-2");
        assertThat(o).isNotEqualTo(copy);
        assertThat(o.placeholders()).isEmpty();
    }

    @Test
    void build_blankRegion_throws() {
        assertThatThrownBy(() -> ImportOptions.builder().region(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("region is required");
    }

    @Test
    void copy_changesOneField_keepsTheRest() {
        ImportOptions original =
                ImportOptions.builder()
                        .region("ap-south-2")
                        .basePath(BasePathMode.PREPEND)
                        .putPlaceholder("Fn", "x")
                        .build();

        ImportOptions changed = original.copy(b -> b.failOnWarnings(true));

        assertThat(changed.failOnWarnings()).isTrue();
        assertThat(changed.region()).isEqualTo("ap-south-2");
        assertThat(changed.basePath()).isEqualTo(BasePathMode.PREPEND);
        assertThat(changed.placeholders()).containsExactly(Map.entry("Fn", "x"));
        assertThat(original.failOnWarnings()).isFalse();
    }
}
