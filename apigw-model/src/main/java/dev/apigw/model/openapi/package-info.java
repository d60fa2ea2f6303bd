/**
 * OpenAPI 3.0 and Swagger 2.0 with the {@code x-amazon-apigateway-*} extensions, to and from the
 * model (reference sections 4.1 to 4.4). {@link dev.apigw.model.openapi.OpenApiExporter} writes a
 * {@link dev.apigw.model.RestApi} as AWS's GetExport does; the mapping of each direction lives in
 * one place, and an import of an export gives back an equal definition except for the fields the
 * exporter's documentation lists.
 */
package dev.apigw.model.openapi;
