/**
 * API keys (reference 8.2): the step that checks the key of methods that require one against the
 * account's keys and usage plans, and the {@code $context.identity.apiKey*} variables it
 * contributes. Internal.
 */
package dev.apigw.runtime.apikey;
