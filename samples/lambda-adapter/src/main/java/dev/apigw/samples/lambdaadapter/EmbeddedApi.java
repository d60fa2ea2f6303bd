package dev.apigw.samples.lambdaadapter;

import dev.apigw.runtime.Api;
import dev.apigw.runtime.Headers;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Api} a handler serves and the one stage it serves it under. The front's own path
 * prefix (its stage) is removed by the handler; this class puts the embedded stage in front.
 */
final class EmbeddedApi {
    private final Api api;
    private final String stageName;

    private EmbeddedApi(Api api, String stageName) {
        this.api = api;
        this.stageName = stageName;
    }

    /** Returns the API served under its only stage; fails if it has none or several. */
    static EmbeddedApi of(Api api) {
        Objects.requireNonNull(api, "api");
        if (api.stages().size() != 1) {
            throw new IllegalArgumentException(
                    "the Api must be deployed to exactly one stage,"
                            + " or the stage must be named; deployed: "
                            + api.stages().keySet());
        }
        return new EmbeddedApi(api, api.stages().keySet().iterator().next());
    }

    /** Returns the API served under the named stage; fails if it is not deployed there. */
    static EmbeddedApi of(Api api, String stageName) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(stageName, "stageName");
        if (api.stage(stageName).isEmpty()) {
            throw new IllegalArgumentException(
                    "stage '"
                            + stageName
                            + "' is not deployed;"
                            + " deployed: "
                            + api.stages().keySet());
        }
        return new EmbeddedApi(api, stageName);
    }

    /** Returns the API described by the process environment (see {@link ApiEnvironment}). */
    static EmbeddedApi fromEnvironment() {
        return of(ApiEnvironment.load(System.getenv()));
    }

    /** Returns the stage name the API is served under. */
    String stageName() {
        return stageName;
    }

    /**
     * Handles a request whose path, without any stage, is {@code pathWithoutStage}; scheme and port
     * come from the front's {@code X-Forwarded-Proto} and {@code X-Forwarded-Port}.
     */
    Response handle(
            String httpMethod,
            String pathWithoutStage,
            String rawQueryString,
            Headers headers,
            byte[] body,
            String sourceIp) {
        String path =
                pathWithoutStage == null || pathWithoutStage.isEmpty()
                        ? ""
                        : pathWithoutStage.startsWith("/")
                                ? pathWithoutStage
                                : "/" + pathWithoutStage;
        Request.Builder request =
                Request.builder()
                        .httpMethod(Objects.requireNonNull(httpMethod, "httpMethod"))
                        .path("/" + stageName + path)
                        .rawQueryString(rawQueryString)
                        .headers(headers)
                        .body(body);
        if (sourceIp != null) {
            request.sourceIp(sourceIp);
        }
        headers.last("X-Forwarded-Proto").ifPresent(request::scheme);
        headers.last("X-Forwarded-Port").flatMap(EmbeddedApi::port).ifPresent(request::port);
        return api.handle(request.build());
    }

    private static Optional<Integer> port(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns {@code path} without a leading {@code /stage} segment, or {@code path} unchanged when
     * it does not start with that segment.
     */
    static String withoutStage(String path, String stage) {
        if (path == null || stage == null || stage.isEmpty()) {
            return path;
        }
        String prefix = "/" + stage;
        if (path.equals(prefix)) {
            return "";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }
}
