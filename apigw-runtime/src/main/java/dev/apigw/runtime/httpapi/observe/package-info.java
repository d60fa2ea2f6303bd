/**
 * Observation of HTTP APIs (reference 10.4): their {@code $context} variables, those every request
 * has ({@link dev.apigw.runtime.httpapi.observe.HttpContextVariables}) and those of access logs
 * only ({@link dev.apigw.runtime.httpapi.observe.HttpAccessLogVariables}). Internal.
 */
package dev.apigw.runtime.httpapi.observe;
