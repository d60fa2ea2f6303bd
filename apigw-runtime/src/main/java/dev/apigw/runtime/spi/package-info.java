/**
 * What a host plugs into the runtime: {@link dev.apigw.runtime.spi.LambdaFunction} for Lambda
 * integrations and {@link dev.apigw.runtime.spi.HttpBackend} for HTTP integrations. Each is a
 * one-method interface whose Javadoc states its thread-safety contract.
 */
package dev.apigw.runtime.spi;
