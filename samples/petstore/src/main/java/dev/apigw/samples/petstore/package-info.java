/**
 * A worked example: a pet store REST API defined with the builder, served by a real Lambda handler
 * class, a MOCK health check, an API key and a customised gateway response.
 */
package dev.apigw.samples.petstore;
