/**
 * The core every feature shares: {@link dev.apigw.runtime.pipeline.Step} and {@link
 * dev.apigw.runtime.pipeline.Chain} (the interceptor contract) with {@link
 * dev.apigw.runtime.pipeline.RealChain} enforcing it, {@link dev.apigw.runtime.pipeline.Exchange}
 * (the typed state of one request, its records and {@link dev.apigw.runtime.pipeline.AttributeKey}
 * attributes), {@link dev.apigw.runtime.pipeline.GatewayException}, the matched {@link
 * dev.apigw.runtime.pipeline.Target}, what an API serves from (compiled deployments and methods,
 * the account, the backends) and the {@code $context} variable registry. It depends on no feature
 * package: a compiled method keeps each feature's part under the feature's key. The steps live with
 * their features; the package-private {@code dev.apigw.runtime.Pipeline} assembles them. Internal:
 * not exported.
 */
package dev.apigw.runtime.pipeline;
