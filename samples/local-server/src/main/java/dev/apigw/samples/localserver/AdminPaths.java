package dev.apigw.samples.localserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
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
 *       FlushStageAuthorizersCache, 202 with no body.
 * </ul>
 *
 * <p>An unknown REST API answers AWS's 404 {@code NotFoundException} {@code Invalid API identifier
 * specified {accountId}:{restApiId}} (reference, appendix B), an unknown stage 404 {@code Invalid
 * stage identifier specified}; another method on a known path 405 with {@code Allow}, and any other
 * path under {@code /_apigw/} 404 naming the paths. Errors are {@code {"message":"..."}} with
 * {@code x-amzn-ErrorType}, as API Gateway's. The API is read from the supplier for each request,
 * so a reloaded definition is the one flushed. Thread-safe.
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
                    + "/cache/authorizers";

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
                && segments.get(5).equals("authorizers")) {
            if (!method.equals("DELETE")) {
                return notAllowed("DELETE");
            }
            return flushAuthorizers(segments.get(1), segments.get(3));
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

    private Response flushAuthorizers(String restApiId, String stageName) {
        Api served = api.get();
        Optional<Response> missing = missing(served, restApiId, stageName);
        if (missing.isPresent()) {
            return missing.get();
        }
        served.flushStageAuthorizersCache(stageName);
        return accepted();
    }

    /** Returns AWS's 404 for a REST API or stage that is not served, empty when both are. */
    private static Optional<Response> missing(Api served, String restApiId, String stageName) {
        if (!served.restApi().id().equals(restApiId)) {
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
