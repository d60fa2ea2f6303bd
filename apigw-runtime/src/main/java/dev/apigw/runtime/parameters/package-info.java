/**
 * Parameter mapping (reference 5): the source expressions of integration request mappings
 * (reference 5.2) and method response mappings (reference 5.3), parsed once by {@link
 * dev.apigw.runtime.parameters.ParameterSource} with the sources each side allows, the shared
 * expression syntax, body fields and the request headers integrations never see. Public types here
 * are internal: they read a request through {@link dev.apigw.runtime.parameters.ParameterInput}, so
 * this package depends on no pipeline type.
 */
package dev.apigw.runtime.parameters;
