/**
 * Observation (reference 10.2, 10.6): the outermost step that opens and closes the execution trace,
 * the standard response headers, and X-Ray trace ids. Internal.
 */
package dev.apigw.runtime.observe;
