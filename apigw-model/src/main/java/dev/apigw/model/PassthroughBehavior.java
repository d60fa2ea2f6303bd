package dev.apigw.model;

/**
 * What a non-proxy integration does with a request body whose content type has no request template
 * (reference section 6.2).
 */
public enum PassthroughBehavior {
    /** Pass the body through when no template matches the content type (the default). */
    WHEN_NO_MATCH,
    /** Pass through only when the integration has no templates at all; else 415. */
    WHEN_NO_TEMPLATES,
    /** Never pass through: an unmapped content type gets 415. */
    NEVER
}
