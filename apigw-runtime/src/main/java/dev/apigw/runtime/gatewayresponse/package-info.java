/**
 * Gateway responses (reference section 3): the API's customised responses resolved against AWS's
 * built-in defaults, with header mappings and simple-substitution templates compiled once per
 * deployment, and the outermost rendering step, the only one that catches a rejected request.
 * Internal.
 */
package dev.apigw.runtime.gatewayresponse;
