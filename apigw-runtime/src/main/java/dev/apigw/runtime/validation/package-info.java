/**
 * Request body validation against models (reference sections 3.1 and 8.1): {@link
 * dev.apigw.runtime.validation.ModelSchemas} compiles an API's models, JSON Schema draft 4, once
 * when the API is built, with references between models resolved among the API's own models and
 * never over the network; {@link dev.apigw.runtime.validation.BodySchema} validates one parsed body
 * and reports its failures in the text of API Gateway's {@code
 * $context.error.validationErrorString}. The validator is java-json-tools' json-schema-validator
 * rather than the maintained networknt one for fidelity: its messages are the text AWS shows
 * ({@code [object has missing required properties (["email"])]}). Internal.
 */
package dev.apigw.runtime.validation;
