package dev.apigw.runtime.auth;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.nio.charset.StandardCharsets;

/**
 * The method ARN of a request (reference 8.3, 8.7): {@code
 * arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}, the path being the
 * request's own path after the stage as sent (values, not the resource's {@code {id}} template),
 * without its leading slash; the root resource ends in {@code /}. It is what authorizer policies
 * and resource policies are evaluated against and what a Lambda authorizer receives as {@code
 * methodArn}.
 */
public final class MethodArn {
    /** The longest method ARN API Gateway builds (reference 8.3): longer answers 414. */
    static final int MAX_BYTES = 1600;

    private MethodArn() {}

    /**
     * Returns the method ARN of a routed request; a request whose ARN passes 1,600 bytes is
     * rejected with 414 {@code Request-URI Too Long} (reference 8.3).
     */
    public static String of(Exchange exchange) {
        return of(
                exchange,
                exchange.stageSettings().stageName(),
                exchange.request().httpMethod(),
                exchange.resourcePath());
    }

    /**
     * Returns the ARN of a request of {@code exchange}'s API to {@code stage}, {@code httpMethod}
     * and {@code path} (the path after the stage), as {@link #of(Exchange)} does: an HTTP API's
     * route ARN (reference 8.6 {@code routeArn}, the {@code $default} stage named as such).
     */
    public static String of(Exchange exchange, String stage, String httpMethod, String path) {
        String arn =
                "arn:aws:execute-api:"
                        + exchange.gateway().region()
                        + ':'
                        + exchange.gateway().accountId()
                        + ':'
                        + exchange.state().apiId()
                        + '/'
                        + stage
                        + '/'
                        + httpMethod
                        + '/'
                        + (path.startsWith("/") ? path.substring(1) : path);
        if (arn.length() > MAX_BYTES / 3
                && arn.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            exchange.trace().error("authorizer", "Method ARN longer than 1600 bytes");
            throw GatewayException.of(GatewayResponseType.DEFAULT_4XX, 414, "Request-URI Too Long");
        }
        return arn;
    }
}
