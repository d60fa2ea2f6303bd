/**
 * Content handling (reference 6.3, 6.4): media types and binary media types, {@code
 * contentHandling} conversions in both directions, request decompression and response compression
 * with their steps. Internal.
 */
package dev.apigw.runtime.content;
