package dev.apigw.runtime.validation;

import java.util.List;
import java.util.Optional;

/**
 * Validates request bodies against one model's JSON Schema (draft 4, reference 4.3), compiled once
 * when the API is built by {@link ModelSchemas}; what a request validator with {@code
 * validateRequestBody} applies (reference 8.1 step 5, 1.7 T15). The messages are the text of API
 * Gateway's {@code $context.error.validationErrorString} (reference 1.2), which is the message
 * format of java-json-tools' json-schema-validator ({@code object has missing required properties
 * (["email"])}): an implementation built on another library must produce the same messages, in the
 * same order, for the same body, so that swapping it changes no response. {@code
 * BodyValidatorGoldenTest} holds the cases every implementation must pass.
 *
 * <p>Implementations are immutable and thread-safe: one instance validates every request to the
 * methods that use its model, concurrently.
 */
public interface BodyValidator {
    /**
     * The message for a body holding a number beyond the range of a double ({@code 1e400}),
     * whatever the schema: our choice, AWS's text is not recorded (reference 3.1 BAD_REQUEST_BODY,
     * docs/differences.md row 62).
     */
    String OUT_OF_RANGE = "numeric value out of range";

    /** Returns the name of the model whose schema this validator applies. */
    String modelName();

    /**
     * Validates a parsed body, given as the plain Java values {@code JsonDocument} holds (maps,
     * lists, strings, numbers, booleans, null); returns the error messages in the validator's
     * order, empty when the body is valid. A number that does not fit a double (held as an
     * infinity) fails with {@link #OUT_OF_RANGE} alone.
     */
    List<String> validate(Object body);

    /**
     * Returns what {@code $context.error.validationErrorString} shows for a parsed body: the
     * messages of {@link #validate} in brackets, separated by a comma and a space ({@code [m1,
     * m2]}, reference 1.2); empty when the body is valid.
     */
    default Optional<String> validationErrorString(Object body) {
        List<String> errors = validate(body);
        return errors.isEmpty()
                ? Optional.empty()
                : Optional.of("[" + String.join(", ", errors) + "]");
    }
}
