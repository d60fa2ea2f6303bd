/**
 * OpenAPI import and export with API Gateway's extensions (reference section 4): {@link
 * dev.apigw.model.openapi.OpenApiImporter} reads OpenAPI 3.0/3.1 and Swagger 2.0, JSON or YAML,
 * with every {@code x-amazon-apigateway-*} extension and CloudFormation placeholders, into a {@link
 * dev.apigw.model.RestApi}; {@link dev.apigw.model.openapi.OpenApiExporter} writes one back as
 * AWS's GetExport does. {@link dev.apigw.model.openapi.HttpApiImporter} and {@link
 * dev.apigw.model.openapi.HttpApiExporter} do the same for HTTP APIs ({@link
 * dev.apigw.model.HttpApi}), as apigatewayv2's ImportApi and ExportApi. Errors name the JSON
 * pointer of the place.
 */
package dev.apigw.model.openapi;
