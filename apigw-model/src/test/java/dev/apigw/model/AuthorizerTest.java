package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Authorizer builder: copies and edits (reference sections 8.3 and 8.4). */
class AuthorizerTest {
    private static final String URI =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

    private static Authorizer tokenAuthorizer() {
        return Authorizer.builder()
                .name("auth")
                .type(AuthorizerType.TOKEN)
                .authorizerUri(URI)
                .identitySource("method.request.header.Authorization")
                .authorizerResultTtlInSeconds(300)
                .build();
    }

    @Test
    void toBuilder_unchanged_buildsEqualAuthorizer() {
        Authorizer original = tokenAuthorizer();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
    }

    @Test
    void copy_changesOneField_keepsTheRest() {
        Authorizer original = tokenAuthorizer();

        Authorizer changed = original.copy(b -> b.authorizerResultTtlInSeconds(0));

        assertThat(changed.authorizerResultTtlInSeconds()).isZero();
        assertThat(changed.id()).isEqualTo(original.id());
        assertThat(changed.type()).isEqualTo(AuthorizerType.TOKEN);
        assertThat(changed.authorizerUri()).contains(URI);
        assertThat(changed.identitySource()).contains("method.request.header.Authorization");
        assertThat(original.authorizerResultTtlInSeconds()).isEqualTo(300);
    }

    @Test
    void copy_toCognitoWithProviders_keepsName() {
        Authorizer cognito =
                tokenAuthorizer()
                        .copy(
                                b ->
                                        b.type(AuthorizerType.COGNITO_USER_POOLS)
                                                .authorizerUri(null)
                                                .providerArns(List.of("arn:pool")));

        assertThat(cognito.name()).isEqualTo("auth");
        assertThat(cognito.providerArns()).containsExactly("arn:pool");
        assertThat(cognito.authorizerUri()).isEmpty();
    }

    @Test
    void copy_invalidTtl_throwsNamingField() {
        assertThatThrownBy(() -> tokenAuthorizer().copy(b -> b.authorizerResultTtlInSeconds(3601)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizer auth authorizerResultTtlInSeconds");
    }
}
