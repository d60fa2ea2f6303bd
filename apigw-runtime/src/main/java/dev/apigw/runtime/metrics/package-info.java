/**
 * Metrics (reference 10.1): the step that records every request in the CloudWatch metrics API
 * Gateway publishes in the {@code AWS/ApiGateway} namespace ({@code Count}, {@code Latency}, {@code
 * IntegrationLatency}, {@code 4XXError}, {@code 5XXError}, {@code CacheHitCount}, {@code
 * CacheMissCount}) as Micrometer meters on the registry of the account, and the meters it keeps per
 * API, stage and method so that a request builds no tag and looks no meter up in the registry. The
 * step is only in the pipeline of an API whose account has a registry. {@link
 * dev.apigw.runtime.metrics.WebSocketMeters} are a WebSocket stage's meters ({@code ConnectCount},
 * {@code MessageCount}...), which its gateway records. Internal.
 */
package dev.apigw.runtime.metrics;
