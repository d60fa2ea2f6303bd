/**
 * The front-door limits (reference 9.5): payload size, header and URL sizes, refused before stage
 * and route resolution. Internal.
 */
package dev.apigw.runtime.limits;
