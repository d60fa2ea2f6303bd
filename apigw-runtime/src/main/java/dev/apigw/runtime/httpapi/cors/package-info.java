/**
 * CORS of HTTP APIs (reference 11.2): the API's {@code corsConfiguration} compiled once ({@link
 * dev.apigw.runtime.httpapi.cors.CorsPolicy}) and the step that answers preflights no route serves
 * and adds the configured headers to every other answer ({@link
 * dev.apigw.runtime.httpapi.cors.CorsStep}). Internal.
 */
package dev.apigw.runtime.httpapi.cors;
