package dev.apigw.runtime.auth;

/** What a policy says about one request (reference 8.8: explicit allow, explicit deny, neither). */
public enum PolicyDecision {
    /** A statement that applies allows the request and none denies it. */
    ALLOW,
    /** A statement that applies denies the request (an explicit deny, which wins over allows). */
    DENY,
    /** No statement applies: an implicit deny. */
    NO_MATCH
}
