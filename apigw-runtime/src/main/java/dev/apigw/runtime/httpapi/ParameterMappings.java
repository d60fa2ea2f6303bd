package dev.apigw.runtime.httpapi;

import dev.apigw.model.HttpIntegration;
import dev.apigw.model.Route;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.httpapi.ParameterMapping.Action;
import dev.apigw.runtime.httpapi.ParameterMapping.Target;
import dev.apigw.runtime.pipeline.AttributeKey;
import dev.apigw.runtime.pipeline.Exchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameter mappings of one HTTP API integration (reference 5.5), compiled once when the API is
 * built: the request mappings and the response mappings by status code. HTTP proxies and Lambda
 * proxies have them; an AWS service integration's {@code requestParameters} are the action's own
 * parameters, so it has none here. Immutable and thread-safe.
 */
final class ParameterMappings {
    /** Where a compiled route keeps the mappings of its integration. */
    static final AttributeKey<ParameterMappings> KEY = AttributeKey.of("httpParameterMappings");

    /** Set when an {@code overwrite:path} mapping gave the integration request's whole path. */
    static final AttributeKey<String> MAPPED_PATH = AttributeKey.of("httpMappedPath");

    /** No mappings. */
    static final ParameterMappings NONE = new ParameterMappings(List.of(), Map.of());

    private static final Pattern STATUS_KEY = Pattern.compile("[2-5]\\d\\d");

    private final List<ParameterMapping> request;
    private final Map<Integer, List<ParameterMapping>> responses;

    private ParameterMappings(
            List<ParameterMapping> request, Map<Integer, List<ParameterMapping>> responses) {
        this.request = List.copyOf(request);
        this.responses = Map.copyOf(responses);
    }

    /** Compiles the mappings of the integration of {@code route}; none without one. */
    static ParameterMappings of(Route route, Map<String, HttpIntegration> integrations) {
        return route.integrationId()
                .map(integrations::get)
                .map(ParameterMappings::compile)
                .orElse(NONE);
    }

    /**
     * Compiles the mappings of an integration; fails naming it for a malformed key, a reserved
     * header, a status key outside 200 to 599, a bad status code or a value that does not parse.
     */
    static ParameterMappings compile(HttpIntegration integration) {
        if (integration.integrationSubtype().isPresent()) {
            return NONE;
        }
        String place = "integration " + integration.integrationId() + ": ";
        List<ParameterMapping> request = new ArrayList<>();
        integration.requestParameters().forEach((k, v) -> request.add(at(place, k, v, null)));
        Map<Integer, List<ParameterMapping>> responses = new HashMap<>();
        integration
                .responseParameters()
                .forEach(
                        (status, mappings) -> {
                            if (!STATUS_KEY.matcher(status).matches()) {
                                throw new IllegalArgumentException(
                                        place
                                                + "responseParameters key "
                                                + status
                                                + " is not a status code from 200 to 599");
                            }
                            List<ParameterMapping> list = new ArrayList<>();
                            mappings.forEach((k, v) -> list.add(at(place, k, v, status)));
                            responses.put(Integer.parseInt(status), List.copyOf(list));
                        });
        return request.isEmpty() && responses.isEmpty()
                ? NONE
                : new ParameterMappings(request, responses);
    }

    private static ParameterMapping at(String place, String key, String value, String status) {
        try {
            return status == null
                    ? ParameterMapping.request(key, value)
                    : ParameterMapping.response(key, value);
        } catch (IllegalArgumentException e) {
            String where = status == null ? "requestParameters " : "responseParameters " + status;
            throw new IllegalArgumentException(place + where + " " + e.getMessage(), e);
        }
    }

    /** Returns whether there is nothing to map. */
    boolean isEmpty() {
        return request.isEmpty() && responses.isEmpty();
    }

    /**
     * Returns {@code exchange} with its request mapped: every value read from the request as it
     * came, then applied in order. An {@code overwrite:path} replaces the path after the stage
     * ({@link HttpResolution}) and the request's path.
     */
    Exchange request(Exchange exchange) {
        if (request.isEmpty()) {
            return exchange;
        }
        MappingInput input = MappingInput.request(exchange);
        Request original = exchange.request();
        Headers.Builder headers = original.headers().toBuilder();
        MappedQuery query = new MappedQuery(original.rawQueryString());
        String path = null;
        for (ParameterMapping mapping : request) {
            String value = mapping.value() == null ? null : mapping.value().evaluate(input);
            switch (mapping.target()) {
                case HEADER -> header(headers, mapping, value);
                case QUERYSTRING -> query.apply(mapping.action(), mapping.name(), value);
                default -> path = value.startsWith("/") ? value : "/" + value;
            }
        }
        Request.Builder mapped =
                original.toBuilder().headers(headers.build()).rawQueryString(query.build());
        Exchange result = exchange;
        if (path != null) {
            mapped.path(path);
            HttpResolution resolution = exchange.requireAttribute(HttpResolution.KEY);
            result =
                    result.withAttribute(
                            HttpResolution.KEY, new HttpResolution(resolution.stage(), path));
            result = result.withAttribute(MAPPED_PATH, path);
        }
        return result.withMappedRequest(mapped.build());
    }

    /**
     * Returns the integration's answer with the mappings of its status code applied, every value
     * read from the answer as it came; a status code that does not evaluate to 100 to 599 keeps the
     * answer's.
     */
    Response response(Exchange exchange, Response answer) {
        List<ParameterMapping> mappings = responses.get(answer.statusCode());
        if (mappings == null) {
            return answer;
        }
        MappingInput input = MappingInput.response(exchange, answer);
        Headers.Builder headers = answer.headers().toBuilder();
        int status = answer.statusCode();
        for (ParameterMapping mapping : mappings) {
            String value = mapping.value() == null ? null : mapping.value().evaluate(input);
            if (mapping.target() == Target.STATUSCODE) {
                status = statusOf(value.trim(), status);
            } else {
                header(headers, mapping, value);
            }
        }
        return answer.toBuilder().statusCode(status).headers(headers.build()).build();
    }

    private static int statusOf(String value, int otherwise) {
        if (value.length() != 3 || !value.chars().allMatch(Character::isDigit)) {
            return otherwise;
        }
        int status = Integer.parseInt(value);
        return status >= 100 && status <= 599 ? status : otherwise;
    }

    /**
     * Applies a header mapping: {@code append} adds a value (none when it is empty), {@code
     * overwrite} replaces every value (also by an empty one), {@code remove} drops the header. A
     * value that is not a valid header value is not applied.
     */
    private static void header(Headers.Builder headers, ParameterMapping mapping, String value) {
        if (mapping.action() == Action.REMOVE) {
            headers.remove(mapping.name());
        } else if (!Headers.isValidValue(value)) {
            return;
        } else if (mapping.action() == Action.OVERWRITE) {
            headers.set(mapping.name(), value);
        } else if (!value.isEmpty()) {
            headers.add(mapping.name(), value);
        }
    }
}
