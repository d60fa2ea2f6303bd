package dev.apigw.model.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Fn::Sub}'s placeholder syntax ("Fn::Sub" in the CloudFormation user guide). */
class IntrinsicsTest {
    @Test
    void substitute_placeholdersEscapesAndUnknowns() {
        Map<String, String> vars = Map.of("A", "1", "B.C", "2");

        assertThat(Intrinsics.substitute("${A}-${B.C}-${!A}-${Z}-${", vars::get))
                .isEqualTo("1-2-${A}-${Z}-${");
        assertThat(Intrinsics.substitute("plain", vars::get)).isEqualTo("plain");
    }
}
