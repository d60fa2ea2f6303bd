package dev.apigw.redis;

/**
 * What a Redis store answers when Redis fails it: down, unreachable, or slower than the command
 * timeout (reference 9.4: throttles and quotas are best effort). Either way the failure is counted,
 * metered and logged (at most one line per interval), and the request thread waits no longer than
 * the command timeout.
 */
public enum FailurePolicy {
    /** Admit: the request is served as if the bucket or quota had room (availability first). */
    OPEN,
    /**
     * Refuse: the request is answered as a throttled one (429 THROTTLED) or an exhausted quota (429
     * QUOTA_EXCEEDED), the refusals the runtime has for these steps (limits first).
     */
    CLOSED
}
