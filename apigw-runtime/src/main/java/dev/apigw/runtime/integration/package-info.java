/**
 * Integration invokers, one per integration type, created once per method when an API is built:
 * MOCK, AWS_PROXY and AWS with Lambda functions, HTTP_PROXY and HTTP through the host's {@link
 * dev.apigw.runtime.spi.HttpBackend}.
 */
package dev.apigw.runtime.integration;
