package dev.apigw.model;

/**
 * An API key added to a usage plan ({@code AWS::ApiGateway::UsagePlanKey}; reference section 8.2).
 *
 * @param usagePlanId the plan's id
 * @param keyId the key's id
 */
public record UsagePlanKey(String usagePlanId, String keyId) {
    /** Validates the fields. */
    public UsagePlanKey {
        Checks.requireText(usagePlanId, "usagePlanId");
        Checks.requireText(keyId, "keyId");
    }
}
