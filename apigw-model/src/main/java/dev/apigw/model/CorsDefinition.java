package dev.apigw.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes what the console's "Enable CORS" creates (reference 11.2) into a builder's resources and
 * gateway responses: per resource an {@code OPTIONS} method (authorization {@code NONE}, no API
 * key) with a {@code MOCK} integration, request template {@code {"statusCode": 200}}, method
 * response 200 declaring the three {@code Access-Control-Allow-*} headers and a default integration
 * response to 200 mapping them to static values with the response template {@code {}}; the {@code
 * Access-Control-Allow-Origin} mapping on the 200 responses of the resource's other methods unless
 * their integration is a proxy (the backend answers CORS there, as on AWS); and the three headers
 * on the chosen gateway responses.
 *
 * <p>An {@code OPTIONS} method with a {@code MOCK} integration is replaced, as the console replaces
 * existing CORS headers, so that enabling twice gives the second options; any other {@code OPTIONS}
 * method is refused with a message naming the resource. Every check runs before anything is
 * written.
 */
final class CorsDefinition {
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String PREFLIGHT_REQUEST_TEMPLATE = "{\"statusCode\": 200}";
    static final String PREFLIGHT_RESPONSE_TEMPLATE = "{}";
    private static final String JSON = "application/json";
    private static final String OPTIONS = "OPTIONS";
    private static final String OK = "200";
    private static final List<String> EVERY_METHOD =
            List.of("DELETE", "GET", "HEAD", OPTIONS, "PATCH", "POST", "PUT");

    private CorsDefinition() {}

    /**
     * Enables CORS on the resources the options name; fails naming the resource, writing nothing.
     */
    static void apply(
            Map<String, Resource> resources,
            Map<GatewayResponseType, GatewayResponse> gatewayResponses,
            CorsOptions options) {
        Map<String, Resource> enabled = new LinkedHashMap<>();
        TreeSet<String> everyAllowed = new TreeSet<>(List.of(OPTIONS));
        for (String path : paths(resources, options)) {
            Resource resource = resources.get(path);
            if (resource == null) {
                throw new IllegalArgumentException(
                        path
                                + ": enableCors found no resource at this path; define the"
                                + " resource and its methods before enabling CORS on it");
            }
            checkOptionsMethod(resource);
            List<String> allowed = allowedMethods(resource);
            everyAllowed.addAll(allowed);
            String methods = options.allowMethods().orElse(String.join(",", allowed));
            enabled.put(path, enable(resource, methods, options));
        }
        String gatewayMethods = options.allowMethods().orElse(String.join(",", everyAllowed));
        resources.putAll(enabled);
        for (GatewayResponseType type : options.gatewayResponses()) {
            GatewayResponse existing = gatewayResponses.get(type);
            GatewayResponse.Builder b =
                    existing != null
                            ? existing.toBuilder()
                            : GatewayResponse.builder().responseType(type);
            b.putResponseParameter(
                            "gatewayresponse.header." + ALLOW_METHODS, quoted(gatewayMethods))
                    .putResponseParameter(
                            "gatewayresponse.header." + ALLOW_ORIGIN, quoted(options.allowOrigin()))
                    .putResponseParameter(
                            "gatewayresponse.header." + ALLOW_HEADERS,
                            quoted(options.allowHeaders()));
            gatewayResponses.put(type, b.build());
        }
    }

    private static List<String> paths(Map<String, Resource> resources, CorsOptions options) {
        if (!options.paths().isEmpty()) {
            return options.paths();
        }
        List<String> paths = new ArrayList<>();
        for (Resource resource : resources.values()) {
            if (resource.methods().keySet().stream().anyMatch(m -> !m.equals(OPTIONS))) {
                paths.add(resource.path());
            }
        }
        return paths;
    }

    private static void checkOptionsMethod(Resource resource) {
        resource.method(OPTIONS)
                .ifPresent(
                        options -> {
                            String kind =
                                    options.integration().map(i -> i.type().name()).orElse("no");
                            if (!kind.equals(IntegrationType.MOCK.name())) {
                                throw new IllegalArgumentException(
                                        resource.path()
                                                + ": enableCors cannot replace the OPTIONS method,"
                                                + " which has "
                                                + kind
                                                + " integration; only a MOCK OPTIONS method (the"
                                                + " preflight method enableCors writes) is"
                                                + " replaced. Leave this resource out with"
                                                + " CorsOptions paths, or remove its OPTIONS"
                                                + " method");
                            }
                        });
    }

    /** Returns the resource's methods plus OPTIONS, sorted; every method when it has ANY. */
    static List<String> allowedMethods(Resource resource) {
        if (resource.methods().containsKey("ANY")) {
            return EVERY_METHOD;
        }
        TreeSet<String> methods = new TreeSet<>(resource.methods().keySet());
        methods.add(OPTIONS);
        return List.copyOf(methods);
    }

    private static Resource enable(Resource resource, String methods, CorsOptions options) {
        Resource.Builder b = resource.toBuilder();
        for (Method method : resource.methods().values()) {
            if (!method.httpMethod().equals(OPTIONS)) {
                b.method(withAllowOrigin(method, options.allowOrigin()));
            }
        }
        return b.method(preflight(methods, options)).build();
    }

    private static Method preflight(String methods, CorsOptions options) {
        IntegrationResponse answer =
                IntegrationResponse.builder()
                        .statusCode(OK)
                        .putResponseParameter(header(ALLOW_METHODS), quoted(methods))
                        .putResponseParameter(header(ALLOW_HEADERS), quoted(options.allowHeaders()))
                        .putResponseParameter(header(ALLOW_ORIGIN), quoted(options.allowOrigin()))
                        .putResponseTemplate(JSON, PREFLIGHT_RESPONSE_TEMPLATE)
                        .build();
        Integration mock =
                Integration.builder()
                        .type(IntegrationType.MOCK)
                        .putRequestTemplate(JSON, PREFLIGHT_REQUEST_TEMPLATE)
                        .integrationResponse(answer)
                        .build();
        MethodResponse declared =
                MethodResponse.builder()
                        .statusCode(OK)
                        .putResponseParameter(header(ALLOW_ORIGIN), false)
                        .putResponseParameter(header(ALLOW_METHODS), false)
                        .putResponseParameter(header(ALLOW_HEADERS), false)
                        .build();
        return Method.builder()
                .httpMethod(OPTIONS)
                .authorizationType(AuthorizationType.NONE)
                .apiKeyRequired(false)
                .methodResponse(declared)
                .integration(mock)
                .build();
    }

    /**
     * Adds the {@code Access-Control-Allow-Origin} mapping to the integration responses that answer
     * 200 and declares it on the 200 method response (created when missing); a method without
     * integration, with a proxy integration or without a 200 integration response is unchanged.
     */
    private static Method withAllowOrigin(Method method, String origin) {
        if (method.integration().isEmpty()) {
            return method;
        }
        Integration integration = method.integration().get();
        if (integration.type().isProxy()) {
            return method;
        }
        Map<String, IntegrationResponse> responses =
                new LinkedHashMap<>(integration.integrationResponses());
        boolean answers200 = false;
        for (Map.Entry<String, IntegrationResponse> e : responses.entrySet()) {
            if (e.getValue().statusCode().equals(OK)) {
                answers200 = true;
                e.setValue(
                        e.getValue()
                                .copy(
                                        r ->
                                                r.putResponseParameter(
                                                        header(ALLOW_ORIGIN), quoted(origin))));
            }
        }
        if (!answers200) {
            return method;
        }
        MethodResponse declared = method.methodResponses().getOrDefault(OK, MethodResponse.of(OK));
        return method.copy(
                m ->
                        m.methodResponse(
                                        declared.copy(
                                                r ->
                                                        r.putResponseParameter(
                                                                header(ALLOW_ORIGIN), false)))
                                .integration(
                                        integration.copy(i -> i.integrationResponses(responses))));
    }

    private static String header(String name) {
        return "method.response.header." + name;
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }
}
