package dev.apigw.runtime.auth.sigv4;

import java.util.List;
import java.util.Optional;

/**
 * The SigV4 elements a request carries, from its {@code Authorization} header or its query string
 * (reference 8.7).
 *
 * @param accessKeyId the access key id of the credential
 * @param scopeDate the date of the credential scope ({@code yyyyMMdd})
 * @param region the region of the credential scope
 * @param service the service of the credential scope
 * @param terminator the last element of the credential scope ({@code aws4_request})
 * @param signedHeaders the signed header names, lower case, in the order given
 * @param signature the hex signature
 * @param amzDate the {@code X-Amz-Date} value ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param expiresSeconds the presigned URL's {@code X-Amz-Expires}, empty in the header form
 * @param securityToken the {@code X-Amz-Security-Token}, if any
 * @param queryForm whether the signature is in the query string
 */
record SignedRequest(
        String accessKeyId,
        String scopeDate,
        String region,
        String service,
        String terminator,
        List<String> signedHeaders,
        String signature,
        String amzDate,
        Optional<Long> expiresSeconds,
        Optional<String> securityToken,
        boolean queryForm)
        implements ParsedSignature {

    /** Returns the credential scope: {@code date/region/service/aws4_request}. */
    String credentialScope() {
        return scopeDate + "/" + region + "/" + service + "/" + terminator;
    }
}
