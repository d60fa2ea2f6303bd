package dev.apigw.model;

/**
 * What happens when an unauthorized client sends {@code Cache-Control: max-age=0} (reference
 * section 9.3).
 */
public enum UnauthorizedCacheControlHeaderStrategy {
    /** Answer 403. */
    FAIL_WITH_403,
    /** Serve the response with a warning header. */
    SUCCEED_WITH_RESPONSE_HEADER,
    /** Serve the response without a warning header. */
    SUCCEED_WITHOUT_RESPONSE_HEADER
}
