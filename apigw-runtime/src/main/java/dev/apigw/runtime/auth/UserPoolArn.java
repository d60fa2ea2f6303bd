package dev.apigw.runtime.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cognito user pool named by a {@code providerARNs} entry of a {@code COGNITO_USER_POOLS}
 * authorizer (reference 8.4): {@code arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}}. Its
 * tokens carry the issuer {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}.
 *
 * @param region the pool's region, e.g. {@code us-east-1}
 * @param poolId the pool id, e.g. {@code us-east-1_AbCdEf123}
 */
public record UserPoolArn(String region, String poolId) {
    private static final Pattern ARN =
            Pattern.compile("arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):(\\d{12}):userpool/([\\w-]+)");

    /**
     * Parses a provider ARN; fails with {@link IllegalArgumentException} naming it when it is not a
     * user pool ARN (a stage variable in it, which the console allows, is not supported).
     */
    public static UserPoolArn parse(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "providerARN "
                            + arn
                            + " is not a user pool ARN"
                            + " (arn:aws:cognito-idp:{region}:{account}:userpool/{poolId})");
        }
        return new UserPoolArn(m.group(1), m.group(3));
    }

    /** Returns the {@code iss} claim of the pool's tokens. */
    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
    }
}
