/**
 * Usage-plan quotas and usage (reference 8.2): the step that counts each request of a key-required
 * method against its key's quota and answers 429 QUOTA_EXCEEDED past it, the UTC calendar of quota
 * periods, and the in-memory default of {@link dev.apigw.runtime.spi.UsageStore}. Internal.
 */
package dev.apigw.runtime.quota;
