/**
 * The local server's bundled demo API: a pet store imported from an OpenAPI file, with MOCK, Lambda
 * proxy and non-proxy Lambda routes served by Java handlers, an HTTP proxy route, an API key,
 * request validation and a customised gateway response.
 */
package dev.apigw.samples.localserver.demo;
