/**
 * What a host plugs into the runtime: {@link dev.apigw.runtime.spi.LambdaFunction} for Lambda
 * integrations, {@link dev.apigw.runtime.spi.HttpBackend} for HTTP integrations, {@link
 * dev.apigw.runtime.spi.AwsServiceBackend} for AWS service integrations and {@link
 * dev.apigw.runtime.spi.CredentialsResolver} for the IAM credentials of {@code AWS_IAM} methods,
 * {@link dev.apigw.runtime.spi.RateLimitStore} for where the token buckets of throttling live, and
 * {@link dev.apigw.runtime.spi.UsageStore} for where the quota counters and daily usage of usage
 * plans live. Each is a small interface whose Javadoc states its thread-safety contract.
 */
package dev.apigw.runtime.spi;
