/**
 * What a host plugs into the runtime: {@link dev.apigw.runtime.spi.LambdaFunction} for Lambda
 * integrations, {@link dev.apigw.runtime.spi.HttpBackend} for HTTP integrations, {@link
 * dev.apigw.runtime.spi.AwsServiceBackend} for AWS service integrations and {@link
 * dev.apigw.runtime.spi.CredentialsResolver} for the IAM credentials of {@code AWS_IAM} methods,
 * {@link dev.apigw.runtime.spi.RateLimitStore} for where the token buckets of throttling live (each
 * sized by {@link dev.apigw.runtime.spi.TokenBucketLimits}), {@link
 * dev.apigw.runtime.spi.UsageStore} for where the quota counters and daily usage of usage plans
 * live, and {@link dev.apigw.runtime.spi.ResponseCacheStore} for where the entries of the stage
 * caches live (bytes with a TTL, by {@link dev.apigw.runtime.spi.CacheCluster}), and {@link
 * dev.apigw.runtime.spi.ConnectionStore} for where the records of open WebSocket connections live
 * ({@link dev.apigw.runtime.spi.ConnectionRecord}), with {@link
 * dev.apigw.runtime.spi.ConnectionRelay} for how {@code @connections} calls reach another node's
 * connections (issue 16). Each states its thread-safety contract in its Javadoc; all but the cache
 * and connection stores and the relay are one-method interfaces.
 */
package dev.apigw.runtime.spi;
