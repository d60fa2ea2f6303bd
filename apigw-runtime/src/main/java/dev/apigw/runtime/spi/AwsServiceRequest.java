package dev.apigw.runtime.spi;

import dev.apigw.runtime.Headers;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mapped request of an AWS service integration (reference 4.2 {@code uri}, 5.2): the service
 * and region of {@code arn:aws:apigateway:{region}:{subdomain.}{service}:action/{Action}} or {@code
 * …:path/{path}} with {@code ${stageVariables.x}} and {@code {name}} placeholders resolved, and
 * what the integration request maps.
 *
 * @param region the region of the URI, e.g. {@code us-east-1}
 * @param service the service, e.g. {@code sqs} or {@code s3}
 * @param subdomain the subdomain written before the service ({@code bucket} in {@code bucket.s3});
 *     empty when none
 * @param action the action of an {@code action/} URI, e.g. {@code SendMessage}; empty for a path
 *     URI
 * @param path the path of a {@code path/} URI, without its leading slash, e.g. {@code
 *     123456789012/queue}; empty for an action URI
 * @param httpMethod the integration's HTTP method
 * @param headers the mapped headers
 * @param queryParameters the mapped query parameters, every value in order
 * @param body the integration request body (not copied: do not change it)
 * @param credentials the integration's credentials (a role ARN); empty when none
 * @param timeout the integration timeout
 */
public record AwsServiceRequest(
        String region,
        String service,
        String subdomain,
        String action,
        String path,
        String httpMethod,
        Headers headers,
        Map<String, List<String>> queryParameters,
        byte[] body,
        String credentials,
        Duration timeout) {
    /** Checks that no field is null and copies the query parameters, keeping their order. */
    public AwsServiceRequest {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(headers, "headers");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        queryParameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        queryParameters = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(timeout, "timeout");
    }
}
