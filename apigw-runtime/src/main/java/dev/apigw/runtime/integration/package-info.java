/**
 * The integration (reference sections 2, 4.2, 5 and 6): the integration request step (parameter
 * mapping, template selection, passthrough), the integration step and the invokers of each type,
 * created once per method when an API is built (MOCK, AWS_PROXY and AWS with Lambda functions,
 * HTTP_PROXY and HTTP through the host's {@link dev.apigw.runtime.spi.HttpBackend}, AWS services),
 * the integration response step (selection pattern, response parameters and templates, overrides)
 * and the method response step. Internal.
 */
package dev.apigw.runtime.integration;
