/**
 * Mapping templates (reference section 1): Apache Velocity configured once per API as API Gateway
 * runs VTL, templates parsed when the API is built, and the {@code $input}, {@code $context},
 * {@code $stageVariables} and {@code $util} variables.
 */
package dev.apigw.runtime.mapping;
