/**
 * SigV4 verification for {@code AWS_IAM} methods (reference 8.7): {@link
 * dev.apigw.runtime.auth.sigv4.SigV4Verifier} checks a request signed for the service {@code
 * execute-api} in the API's region, in the {@code Authorization} header form or the query-string
 * (presigned) form, against the credentials a host's {@link
 * dev.apigw.runtime.spi.CredentialsResolver} supplies, and answers a {@link
 * dev.apigw.runtime.auth.sigv4.SigV4Outcome}. Pure JDK crypto (HmacSHA256, SHA-256). Internal.
 */
package dev.apigw.runtime.auth.sigv4;
