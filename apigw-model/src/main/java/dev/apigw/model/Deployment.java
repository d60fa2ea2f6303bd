package dev.apigw.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable snapshot of a REST API; a stage serves the deployment it points at, so a change of
 * the definition is not served until it is deployed (reference section 9.1).
 *
 * @param id the deployment id ({@code $context.deploymentId})
 * @param description a description, empty when none
 * @param createdDate when the deployment was made
 * @param restApi the definition frozen by this deployment
 */
public record Deployment(String id, String description, Instant createdDate, RestApi restApi) {
    /** Validates the fields. */
    public Deployment {
        Checks.requireText(id, "deployment id");
        description = description == null ? "" : description;
        Objects.requireNonNull(createdDate, "deployment createdDate");
        Objects.requireNonNull(restApi, "deployment restApi");
    }
}
