package dev.apigw.samples.localserver;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import dev.apigw.model.Route;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the AWS service integrations (reference 4.2: a REST {@code AWS} integration whose URI names
 * a service other than Lambda, {@code arn:aws:apigateway:{region}:{service}:action/…} or {@code
 * …:path/…}, and a WebSocket {@code AWS} integration of that kind; an HTTP API integration subtype
 * such as {@code SQS-SendMessage}) whose service no {@code --aws-endpoint} covers, so that they
 * answer 500: one warning per method or route, {@code POST /submit: the sqs service integration
 * (SQS-SendMessage) answers 500 without an AWS endpoint; give one with --aws-endpoint URL or
 * --aws-endpoint sqs=URL}.
 */
final class UnboundServices {
    private static final String ARN = "arn:aws:apigateway:";

    private UnboundServices() {}

    /** Returns the warnings for a REST API served with these options. */
    static List<String> of(RestApi api, ServerOptions options) {
        List<String> warnings = new ArrayList<>();
        for (Resource resource : api.resources().values()) {
            for (Method method : resource.methods().values()) {
                method.integration()
                        .filter(i -> i.type() == IntegrationType.AWS)
                        .flatMap(Integration::uri)
                        .flatMap(UnboundServices::service)
                        .filter(service -> !covered(service, options))
                        .ifPresent(
                                service ->
                                        warnings.add(
                                                hint(
                                                        method.httpMethod() + " " + resource.path(),
                                                        service,
                                                        "AWS")));
            }
        }
        return warnings;
    }

    /** Returns the warnings for an HTTP API served with these options, named by route key. */
    static List<String> of(HttpApi api, ServerOptions options) {
        List<String> warnings = new ArrayList<>();
        for (Route route : api.routes().values()) {
            route.integrationId()
                    .map(api.integrations()::get)
                    .filter(i -> i.integrationType() == IntegrationType.AWS_PROXY)
                    .flatMap(HttpIntegration::integrationSubtype)
                    .filter(subtype -> !covered(subtype.service(), options))
                    .ifPresent(
                            subtype ->
                                    warnings.add(
                                            hint(
                                                    route.routeKey().toString(),
                                                    subtype.service(),
                                                    subtype.awsName())));
        }
        return warnings;
    }

    /** Returns the warnings for a WebSocket API served with these options, named by route key. */
    static List<String> of(WebSocketApi api, ServerOptions options) {
        List<String> warnings = new ArrayList<>();
        for (WebSocketRoute route : api.routes().values()) {
            route.integrationId()
                    .map(api.integrations()::get)
                    .filter(i -> i.integrationType() == IntegrationType.AWS)
                    .flatMap(WebSocketIntegration::integrationUri)
                    .flatMap(UnboundServices::service)
                    .filter(service -> !covered(service, options))
                    .ifPresent(service -> warnings.add(hint(route.routeKey(), service, "AWS")));
        }
        return warnings;
    }

    private static boolean covered(String service, ServerOptions options) {
        return options.awsEndpoint().isPresent()
                || options.awsServiceEndpoints().containsKey(service);
    }

    /**
     * Returns the service of an AWS integration URI ({@code bucket.s3} gives {@code s3}); empty for
     * Lambda and for what is not a service ARN.
     */
    static Optional<String> service(String uri) {
        if (!uri.startsWith(ARN)) {
            return Optional.empty();
        }
        String[] parts = uri.substring(ARN.length()).split(":", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        String service = parts[1].substring(parts[1].lastIndexOf('.') + 1);
        service = service.toLowerCase(Locale.ROOT);
        return service.equals("lambda") ? Optional.empty() : Optional.of(service);
    }

    private static String hint(String place, String service, String kind) {
        return place
                + ": the "
                + service
                + " service integration ("
                + kind
                + ") answers 500 without an AWS endpoint; give one with --aws-endpoint URL or"
                + " --aws-endpoint "
                + service
                + "=URL";
    }
}
