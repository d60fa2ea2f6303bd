package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.MethodSetting;
import dev.apigw.model.Stage;
import dev.apigw.runtime.Request;
import org.junit.jupiter.api.Test;

/** What shared steps read of a matched REST method (reference 9.1: method settings keys). */
class TargetTest {
    private static final MethodSetting ALL =
            MethodSetting.builder().throttlingBurstLimit(100).build();
    private static final MethodSetting OWN =
            MethodSetting.builder().throttlingBurstLimit(7).build();

    private static Target pets() {
        return TestExchanges.builder()
                .method("/pets/{id}", "GET", m -> m.apiKeyRequired(true))
                .routed(Request.of("GET", "/test/pets/1"))
                .route()
                .target();
    }

    @Test
    void settingsKey_restMethod_isPathWithoutLeadingSlashThenMethod() {
        assertThat(pets().settingsKey()).isEqualTo("pets/{id}/GET");
        assertThat(pets().apiKeyRequired()).isTrue();
        assertThat(pets().place()).isEqualTo("/pets/{id} GET");
    }

    @Test
    void methodSetting_ownEntry_winsOverTheStageWideOne() {
        Stage stage =
                Stage.builder()
                        .stageName("test")
                        .putMethodSetting("*/*", ALL)
                        .putMethodSetting("pets/{id}/GET", OWN)
                        .build();

        assertThat(pets().methodSetting(stage)).contains(OWN);
    }

    @Test
    void methodSetting_noOwnEntry_isTheStageWideOne() {
        Stage stage = Stage.builder().stageName("test").putMethodSetting("*/*", ALL).build();

        assertThat(pets().methodSetting(stage)).contains(ALL);
    }

    @Test
    void methodSetting_none_isEmpty() {
        assertThat(pets().methodSetting(Stage.builder().stageName("test").build())).isEmpty();
    }
}
