/**
 * REST API request routing (reference section 7.1): a trie of resources built once per deployment,
 * matched per request without decoding the path.
 */
package dev.apigw.runtime.routing;
