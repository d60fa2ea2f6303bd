/**
 * SigV4 verification for {@code AWS_IAM} methods, and signing of the calls AWS service integrations
 * make (reference 8.7): {@link dev.apigw.runtime.auth.sigv4.SigV4Verifier} checks a request signed
 * for the service {@code execute-api} in the API's region, in the {@code Authorization} header form
 * or the query-string (presigned) form, against the credentials a host's {@link
 * dev.apigw.runtime.spi.CredentialsResolver} supplies, and answers a {@link
 * dev.apigw.runtime.auth.sigv4.SigV4Outcome}; {@link dev.apigw.runtime.auth.sigv4.SigV4Signer}
 * signs an outgoing request with the same canonical request and signature code. Pure JDK crypto
 * (HmacSHA256, SHA-256). Internal.
 */
package dev.apigw.runtime.auth.sigv4;
