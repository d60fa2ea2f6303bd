package dev.apigw.model;

/**
 * What a method's request validator checks: required parameters, the body against its model, or
 * both (reference sections 3 and 5.1).
 *
 * @param id the validator id, referenced by {@link Method#requestValidatorId()}
 * @param name the validator name
 * @param validateRequestBody whether the body is validated against the method's model
 * @param validateRequestParameters whether required parameters are enforced
 */
public record RequestValidator(
        String id, String name, boolean validateRequestBody, boolean validateRequestParameters) {
    /** Validates the fields. */
    public RequestValidator {
        Checks.requireText(id, "requestValidator id");
        Checks.requireText(name, "requestValidator name");
    }
}
