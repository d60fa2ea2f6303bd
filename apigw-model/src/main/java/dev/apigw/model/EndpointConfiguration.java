package dev.apigw.model;

import java.util.List;

/**
 * The endpoint types of a REST API and its VPC endpoints (reference section 4.1).
 *
 * @param types the endpoint types (one in practice)
 * @param vpcEndpointIds VPC endpoints of a PRIVATE API
 * @param disableExecuteApiEndpoint whether the default execute-api endpoint is off
 */
public record EndpointConfiguration(
        List<EndpointType> types, List<String> vpcEndpointIds, boolean disableExecuteApiEndpoint) {
    /** Validates and copies. */
    public EndpointConfiguration {
        types = Copies.list(types);
        vpcEndpointIds = Copies.list(vpcEndpointIds);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("endpointConfiguration types must not be empty");
        }
    }

    /** Returns a configuration with a single endpoint type. */
    public static EndpointConfiguration of(EndpointType type) {
        return new EndpointConfiguration(List.of(type), List.of(), false);
    }
}
