/**
 * The stage cache (reference 9.3): {@link dev.apigw.runtime.cache.CacheStep} answers a method's
 * requests from its stage's cache between access control and the integration, with its
 * collaborators (which methods cache and for how long, the entry key, the entry bytes and their
 * AES-GCM encryption), and the in-memory default of {@link
 * dev.apigw.runtime.spi.ResponseCacheStore} on Caffeine. Internal.
 */
package dev.apigw.runtime.cache;
