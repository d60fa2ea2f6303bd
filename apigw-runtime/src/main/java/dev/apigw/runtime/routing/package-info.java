/**
 * REST API routes (reference section 7.1): a trie of resources built once per deployment and
 * matched per request without decoding the path (literal segments before {@code {param}} before
 * {@code {proxy+}}, with backtracking). A pure data structure; the step that uses it is in {@code
 * dev.apigw.runtime.resolution}. Internal.
 */
package dev.apigw.runtime.routing;
