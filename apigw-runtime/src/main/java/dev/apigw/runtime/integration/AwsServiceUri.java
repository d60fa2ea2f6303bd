package dev.apigw.runtime.integration;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URI of an AWS service integration (reference 4.2): {@code
 * arn:aws:apigateway:{region}:{subdomain.service|service}:action/{Action}} or {@code
 * …:path/{path}}, parsed once when the API is built; {@code ${stageVariables.x}} and the {@code
 * {name}} placeholders of {@code integration.request.path.name} mappings are filled per request.
 * Shared by REST {@code AWS} integrations and WebSocket ones. Immutable. Internal.
 */
public final class AwsServiceUri {
    private static final Pattern ARN =
            Pattern.compile(
                    "arn:aws[\\w-]*:apigateway:([\\w-]+):([\\w.-]+):(action|path)/(.*)",
                    Pattern.DOTALL);

    private final String written;
    private final UriTemplate template;

    private AwsServiceUri(String written) {
        this.written = written;
        this.template = UriTemplate.parse(written);
    }

    /** Parses an integration URI. */
    public static AwsServiceUri parse(String uri) {
        return new AwsServiceUri(uri);
    }

    /**
     * Returns the target of a request, or empty when a stage variable it uses is undefined or the
     * result is not a service ARN with an action or a path.
     */
    public Optional<Target> resolve(
            Map<String, String> pathValues, Map<String, String> stageVariables) {
        return template.expand(pathValues, stageVariables).flatMap(AwsServiceUri::target);
    }

    private static Optional<Target> target(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches() || m.group(4).isEmpty()) {
            return Optional.empty();
        }
        String service = m.group(2);
        int dot = service.lastIndexOf('.');
        boolean action = m.group(3).equals("action");
        return Optional.of(
                new Target(
                        m.group(1),
                        service.substring(dot + 1),
                        dot < 0 ? "" : service.substring(0, dot),
                        action ? m.group(4) : "",
                        action ? "" : m.group(4)));
    }

    /** Returns the URI as written. */
    @Override
    public String toString() {
        return written;
    }

    /**
     * A resolved service call.
     *
     * @param region the region
     * @param service the service
     * @param subdomain the subdomain before the service; empty when none
     * @param action the action; empty for a path URI
     * @param path the path; empty for an action URI
     */
    public record Target(
            String region, String service, String subdomain, String action, String path) {}
}
