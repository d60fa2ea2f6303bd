package dev.apigw.model;

/**
 * A custom domain name of REST APIs ({@code AWS::ApiGateway::DomainName}).
 *
 * @param domainName the host name, e.g. {@code api.example.com}
 * @param endpointType {@code EDGE}, {@code REGIONAL} or {@code PRIVATE}
 * @param securityPolicy the TLS policy ({@code TLS_1_0}, {@code TLS_1_2}...), empty when not set
 */
public record DomainName(String domainName, EndpointType endpointType, String securityPolicy) {
    /** Validates the fields. */
    public DomainName {
        Checks.requireText(domainName, "domainName");
        endpointType = endpointType == null ? EndpointType.EDGE : endpointType;
        securityPolicy = securityPolicy == null ? "" : securityPolicy;
    }
}
