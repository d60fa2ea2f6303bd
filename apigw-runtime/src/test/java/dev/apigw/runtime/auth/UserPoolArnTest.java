package dev.apigw.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference 8.4: {@code providerARNs} name user pools; their tokens' issuer. */
class UserPoolArnTest {
    @Test
    void parse_userPoolArn_givesRegionPoolAndIssuer() {
        UserPoolArn pool =
                UserPoolArn.parse(
                        "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Xy9");

        assertThat(pool.region()).isEqualTo("eu-west-1");
        assertThat(pool.poolId()).isEqualTo("eu-west-1_Xy9");
        assertThat(pool.issuer())
                .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Xy9");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "us-east-1_AbC",
                "arn:aws:cognito-idp:us-east-1:123456789012:identitypool/x",
                "arn:aws:cognito-idp:us-east-1:123456789012:userpool/${stageVariables.Pool}",
                "arn:aws:lambda:us-east-1:123456789012:function:f"
            })
    void parse_notAUserPoolArn_failsNamingIt(String arn) {
        assertThatThrownBy(() -> UserPoolArn.parse(arn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("providerARN " + arn + " is not a user pool ARN");
    }
}
