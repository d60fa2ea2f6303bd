package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GetExport's options (reference section 4.4). */
class ExportOptionsTest {
    @Test
    void build_onlyStage_defaultsToPlainOas30JsonInUsEast1() {
        ExportOptions options = ExportOptions.builder().stageName("v1").build();

        assertThat(options.exportType()).isEqualTo(ExportType.OAS30);
        assertThat(options.mediaType()).isEqualTo(ExportMediaType.JSON);
        assertThat(options.extensions()).isEmpty();
        assertThat(options.region()).isEqualTo("us-east-1");
        assertThat(options.timestamp()).isEmpty();
        assertThat(options.withAnyExtension()).isFalse();
    }

    @Test
    void build_noStage_throws() {
        assertThatThrownBy(() -> ExportOptions.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stageName");
    }

    @Test
    void build_blankRegion_throws() {
        assertThatThrownBy(() -> ExportOptions.builder().stageName("x").region(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
    }

    @Test
    void withIntegrations_integrationsOrApigateway_true_authorizersAlone_false() {
        assertThat(
                        ExportOptions.of("a", o -> o.addExtensions(ExportExtension.INTEGRATIONS))
                                .withIntegrations())
                .isTrue();
        assertThat(
                        ExportOptions.of("a", o -> o.addExtensions(ExportExtension.APIGATEWAY))
                                .withIntegrations())
                .isTrue();
        ExportOptions authorizers =
                ExportOptions.of("a", o -> o.addExtensions(ExportExtension.AUTHORIZERS));
        assertThat(authorizers.withIntegrations()).isFalse();
        assertThat(authorizers.withAuthorizers()).isTrue();
    }

    @Test
    void extensions_changingTheBuilderAfterBuild_leavesTheOptionsAlone() {
        ExportOptions.Builder builder =
                ExportOptions.builder()
                        .stageName("s")
                        .extensions(EnumSet.of(ExportExtension.APIGATEWAY));
        ExportOptions built = builder.build();

        builder.addExtensions(ExportExtension.AUTHORIZERS);

        assertThat(built.extensions()).containsExactly(ExportExtension.APIGATEWAY);
        assertThatThrownBy(() -> built.extensions().add(ExportExtension.AUTHORIZERS))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilder_unchanged_buildsEqualOptions() {
        ExportOptions options =
                ExportOptions.of(
                        "gamma",
                        o ->
                                o.exportType(ExportType.SWAGGER)
                                        .mediaType(ExportMediaType.YAML)
                                        .extensions(Set.of(ExportExtension.AUTHORIZERS))
                                        .region("sa-east-1")
                                        .timestamp(Instant.parse("2020-02-02T02:02:02Z")));

        assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options.toBuilder().stageName("delta").build()).isNotEqualTo(options);
    }

    @Test
    void values_matchAwsParameters() {
        assertThat(ExportType.OAS30.value()).isEqualTo("oas30");
        assertThat(ExportType.SWAGGER.value()).isEqualTo("swagger");
        assertThat(ExportMediaType.YAML.mediaType()).isEqualTo("application/yaml");
        assertThat(ExportExtension.INTEGRATIONS.value()).isEqualTo("integrations");
        assertThat(ExportExtension.AUTHORIZERS.value()).isEqualTo("authorizers");
    }

    @Test
    void copy_changesOneField_keepsTheRest() {
        ExportOptions original =
                ExportOptions.of(
                        "gamma",
                        o ->
                                o.exportType(ExportType.SWAGGER)
                                        .extensions(Set.of(ExportExtension.AUTHORIZERS))
                                        .region("sa-east-1"));

        ExportOptions changed = original.copy(b -> b.stageName("delta"));

        assertThat(changed.stageName()).isEqualTo("delta");
        assertThat(changed.exportType()).isEqualTo(ExportType.SWAGGER);
        assertThat(changed.extensions()).containsExactly(ExportExtension.AUTHORIZERS);
        assertThat(changed.region()).isEqualTo("sa-east-1");
        assertThat(original.stageName()).isEqualTo("gamma");
    }
}
