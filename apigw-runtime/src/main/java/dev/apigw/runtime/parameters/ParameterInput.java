package dev.apigw.runtime.parameters;

import dev.apigw.runtime.mapping.JsonDocument;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ParameterSource} reads its values from: the method request (reference 5.2) or the
 * integration response (reference 5.3) of one call. Sources a side does not allow are never read
 * from it, so the request-only parts have empty defaults. An input belongs to one call. Internal.
 */
public interface ParameterInput {
    /** Returns the value of a method request path parameter; empty when it has none. */
    default Optional<String> pathParameter(String name) {
        return Optional.empty();
    }

    /** Returns every value of a query string parameter, in order; empty when it has none. */
    default List<String> queryValues(String name) {
        return List.of();
    }

    /** Returns every value of a header, in order; empty when it has none. */
    List<String> headerValues(String name);

    /** Returns the whole body as text. */
    String body();

    /** Returns the body parsed as JSON; empty when it is not JSON. */
    Optional<JsonDocument> bodyJson();

    /**
     * Returns the JSON held in the {@code errorMessage} string of a Lambda function error
     * (reference 1.7, T12); empty when there is none or it is not JSON.
     */
    default Optional<JsonDocument> errorMessage() {
        return Optional.empty();
    }

    /** Returns the value of a stage variable; empty when it has none. */
    Optional<String> stageVariable(String name);

    /** Returns the value of a {@code $context} variable, by its dotted path; empty when none. */
    Optional<String> contextVariable(String name);
}
