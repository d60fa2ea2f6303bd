/**
 * Where a request goes (reference 7.1, 9.1): the {@link dev.apigw.runtime.resolution.StageResolver}
 * strategy (the first path segment of an execute-api URL today; an HTTP API's root {@code $default}
 * stage and custom domains with base paths next) with the step that applies it and routes a share
 * of a stage's requests to its canary (reference 9.2), and the step that matches the resource
 * method in the deployment's route trie (an unknown path or method is
 * MISSING_AUTHENTICATION_TOKEN). Internal.
 */
package dev.apigw.runtime.resolution;
