/**
 * Request body validation against models (reference sections 3.1 and 8.1): {@link
 * dev.apigw.runtime.validation.ModelSchemas} compiles an API's models, JSON Schema draft 4, once
 * when the API is built, with references between models resolved among the API's own models and
 * never over the network; {@link dev.apigw.runtime.validation.BodyValidator} validates one parsed
 * body and reports its failures in the text of API Gateway's {@code
 * $context.error.validationErrorString}. The one implementation is java-json-tools'
 * json-schema-validator rather than the maintained networknt one for fidelity: its messages are the
 * text AWS shows ({@code [object has missing required properties (["email"])]}); the golden cases
 * under {@code fixtures/validation/} pin them, so another library can be tried behind the interface
 * without changing a response. {@link dev.apigw.runtime.validation.RequestValidationStep} checks
 * the method request with what {@link dev.apigw.runtime.validation.RequestValidation} compiled for
 * the method. Internal.
 */
package dev.apigw.runtime.validation;
