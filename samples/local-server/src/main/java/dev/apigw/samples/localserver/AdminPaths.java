package dev.apigw.samples.localserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.Usage;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server's own paths, under {@code /_apigw/}, outside every stage: a request whose raw path
 * starts there never reaches the API. They answer what API Gateway's control plane answers at the
 * same paths (reference 9.3), without signing:
 *
 * <ul>
 *   <li>{@code GET /_apigw/metrics}: the registry's meters as Prometheus text ({@value
 *       #PROMETHEUS_TEXT}), the runtime's metrics with AWS's names (reference 10.1);
 *   <li>{@code DELETE /_apigw/restapis/{restApiId}/stages/{stageName}/cache/authorizers}:
 *       FlushStageAuthorizersCache, 202 with no body;
 *   <li>{@code DELETE /_apigw/restapis/{restApiId}/stages/{stageName}/cache/data}: FlushStageCache,
 *       202 with no body;
 *   <li>{@code GET /_apigw/usageplans/{usagePlanId}/usage?keyId=&startDate=YYYY-MM-DD&endDate=
 *       YYYY-MM-DD}: GetUsage (reference 8.2), 200 with {@code {"usagePlanId", "startDate",
 *       "endDate", "values": {keyId: [[used, remaining], ...]}}}; {@code keyId} may be left out
 *       (every key of the plan); a missing or malformed date, or an end before the start, answers
 *       400 {@code BadRequestException}, an unknown plan or key 404 {@code NotFoundException}
 *       naming it.
 * </ul>
 *
 * <p>An HTTP API has no stage cache and no usage plans (reference 11.1): served one, every REST API
 * id is unknown. An unknown REST API answers AWS's 404 {@code NotFoundException} {@code Invalid API
 * identifier specified {accountId}:{restApiId}} (reference, appendix B), an unknown stage 404
 * {@code Invalid stage identifier specified}; another method on a known path 405 with {@code
 * Allow}, and any other path under {@code /_apigw/} 404 naming the paths. Errors are {@code
 * {"message":"..."}} with {@code x-amzn-ErrorType}, as API Gateway's. The API is read from the
 * supplier for each request, so a reloaded definition is the one flushed. Thread-safe.
 */
final class AdminPaths {
    /** The first path segment of the server's own paths, a name no served stage may take. */
    static final String PREFIX = "_apigw";

    /** The content type of the metrics: Prometheus text format 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final String ROOT = "/" + PREFIX;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATHS =
            "GET /_apigw/metrics, DELETE /_apigw/restapis/{restApiId}/stages/{stageName}"
                    + "/cache/authorizers, DELETE /_apigw/restapis/{restApiId}/stages/{stageName}"
                    + "/cache/data, GET /_apigw/usageplans/{usagePlanId}/usage"
                    + "?keyId=&startDate=YYYY-MM-DD&endDate=YYYY-MM-DD";

    private final Supplier<Api> api;
    private final PrometheusMeterRegistry metrics;

    AdminPaths(Supplier<Api> api, PrometheusMeterRegistry metrics) {
        this.api = Objects.requireNonNull(api);
        this.metrics = Objects.requireNonNull(metrics);
    }

    /** Returns a handler serving these paths and handing every other request to {@code api}. */
    Function<Request, Response> inFrontOf(Function<Request, Response> api) {
        Objects.requireNonNull(api);
        return request -> isAdmin(request.path()) ? handle(request) : api.apply(request);
    }

    /** Returns whether a raw path is one of the server's own ({@code /_apigw} or under it). */
    static boolean isAdmin(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    /** Answers a request to one of the server's own paths. */
    Response handle(Request request) {
        String path = request.path();
        List<String> segments =
                path.length() <= ROOT.length() + 1
                        ? List.of()
                        : Arrays.asList(path.substring(ROOT.length() + 1).split("/", -1));
        String method = request.httpMethod();
        if (segments.equals(List.of("metrics"))) {
            return method.equals("GET") ? metrics() : notAllowed("GET");
        }
        if (segments.size() == 6
                && segments.get(0).equals("restapis")
                && segments.get(2).equals("stages")
                && segments.get(4).equals("cache")
                && (segments.get(5).equals("authorizers") || segments.get(5).equals("data"))) {
            if (!method.equals("DELETE")) {
                return notAllowed("DELETE");
            }
            return flush(segments.get(1), segments.get(3), segments.get(5).equals("data"));
        }
        if (segments.size() == 3
                && segments.get(0).equals("usageplans")
                && segments.get(2).equals("usage")) {
            return method.equals("GET")
                    ? usage(segments.get(1), request.rawQueryString())
                    : notAllowed("GET");
        }
        return error(404, "NotFoundException", "No such path " + path + "; the paths: " + PATHS);
    }

    private Response metrics() {
        return Response.builder()
                .statusCode(200)
                .addHeader("Content-Type", PROMETHEUS_TEXT)
                .body(metrics.scrape(PROMETHEUS_TEXT))
                .build();
    }

    /** FlushStageCache ({@code data}) or FlushStageAuthorizersCache (reference 9.3). */
    private Response flush(String restApiId, String stageName, boolean data) {
        Api served = api.get();
        Optional<Response> missing = missing(served, restApiId, stageName);
        if (missing.isPresent()) {
            return missing.get();
        }
        if (data) {
            served.flushStageCache(stageName);
        } else {
            served.flushStageAuthorizersCache(stageName);
        }
        return accepted();
    }

    private Response usage(String usagePlanId, String rawQuery) {
        Map<String, String> query = query(rawQuery);
        LocalDate start;
        LocalDate end;
        try {
            start = date(query, "startDate");
            end = date(query, "endDate");
        } catch (IllegalArgumentException e) {
            return error(400, "BadRequestException", e.getMessage());
        }
        if (end.isBefore(start) || end.isAfter(start.plusYears(10))) {
            return error(
                    400,
                    "BadRequestException",
                    "endDate must be from startDate to ten years after it");
        }
        Usage usage;
        try {
            usage = api.get().usage(usagePlanId, query.get("keyId"), start, end);
        } catch (IllegalArgumentException e) {
            return error(404, "NotFoundException", e.getMessage());
        }
        return Response.builder()
                .statusCode(200)
                .addHeader("Content-Type", "application/json")
                .body(usage.toJson())
                .build();
    }

    private static LocalDate date(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Invalid " + name + " '" + value + "': expected YYYY-MM-DD", e);
        }
    }

    /** Returns the query's parameters, percent-decoded, the first value of each name. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Returns AWS's 404 for a REST API or stage that is not served, empty when both are. */
    private static Optional<Response> missing(Api served, String restApiId, String stageName) {
        if (served.httpApi().isPresent() || !served.restApi().id().equals(restApiId)) {
            return Optional.of(
                    error(
                            404,
                            "NotFoundException",
                            "Invalid API identifier specified "
                                    + served.gateway().accountId()
                                    + ":"
                                    + restApiId));
        }
        if (served.stage(stageName).isEmpty()) {
            return Optional.of(
                    error(404, "NotFoundException", "Invalid stage identifier specified"));
        }
        return Optional.empty();
    }

    private static Response accepted() {
        return Response.builder()
                .statusCode(202)
                .addHeader("Content-Type", "application/json")
                .build();
    }

    private static Response notAllowed(String allowed) {
        return error(405, "MethodNotAllowedException", "Method Not Allowed").toBuilder()
                .addHeader("Allow", allowed)
                .build();
    }

    /** Returns an error in API Gateway's shape: {@code {"message":"..."}} and its type. */
    static Response error(int status, String type, String message) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message always writes as JSON", e);
        }
        return Response.builder()
                .statusCode(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-ErrorType", type)
                .body(body)
                .build();
    }
}
