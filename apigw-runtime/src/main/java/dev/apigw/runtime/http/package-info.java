/**
 * The default {@link dev.apigw.runtime.spi.HttpBackend}: {@link
 * dev.apigw.runtime.http.JdkHttpBackend#create()} on {@code java.net.http}, with a small socket
 * client for requests whose {@code Host} header {@code java.net.http} cannot send, a deadline over
 * the whole exchange (reference 9.5) and bounds on what a backend may send back; and {@link
 * dev.apigw.runtime.http.AwsEndpointBackend}, an {@link dev.apigw.runtime.spi.AwsServiceBackend}
 * that sends AWS service integrations, SigV4-signed, to an AWS-compatible endpoint (reference 4.2).
 * {@code JdkHttpBackend.create()} and {@code AwsEndpointBackend} are public API; the other types
 * here are internal.
 */
package dev.apigw.runtime.http;
