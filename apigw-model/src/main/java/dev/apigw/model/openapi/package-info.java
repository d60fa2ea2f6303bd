/**
 * OpenAPI import (and export) of REST APIs: {@link dev.apigw.model.openapi.OpenApiImporter} reads
 * OpenAPI 3.0/3.1 and Swagger 2.0 definitions, JSON or YAML, with their {@code
 * x-amazon-apigateway-*} extensions and CloudFormation placeholders, into a {@link
 * dev.apigw.model.RestApi} as AWS's {@code ImportRestApi} does (reference sections 4.1 to 4.3).
 * Every import error names the JSON pointer of the place ({@link
 * dev.apigw.model.openapi.OpenApiImportException#pointer()}).
 */
package dev.apigw.model.openapi;
