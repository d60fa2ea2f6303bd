package dev.apigw.runtime.spi;

/**
 * Calls an AWS service for an AWS (non-proxy) integration whose URI names a service action or path,
 * {@code arn:aws:apigateway:{region}:{service}:action/{Action}} or {@code …:path/{path}} (reference
 * 4.2), and returns the service's HTTP answer. The request is what API Gateway would send after
 * mapping: headers and query parameters from the integration's {@code requestParameters}, the body
 * from its request template. The answer is the endpoint response from which the integration
 * response is selected by status code (reference 6.1). A service that cannot be reached, or does
 * not answer within {@link AwsServiceRequest#timeout()}, is reported by throwing {@link
 * HttpBackendException}.
 *
 * <p>Implementations must be thread-safe: an {@code Api} calls them from every thread that handles
 * requests. Bound with {@code Api.builder().awsServiceBackend(...)}; without one, a service
 * integration answers 500.
 */
@FunctionalInterface
public interface AwsServiceBackend {
    /** Calls the service and returns its answer. */
    BackendResponse call(AwsServiceRequest request);
}
