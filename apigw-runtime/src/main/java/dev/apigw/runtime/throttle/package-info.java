/**
 * Throttling (reference 9.4): the step that takes a token from each applicable token bucket (the
 * usage plan's per key, the stage's per method, the account's) and answers 429 THROTTLED when one
 * is empty, and the in-memory default of {@link dev.apigw.runtime.spi.RateLimitStore}. Internal.
 */
package dev.apigw.runtime.throttle;
