package dev.apigw.samples.localserver;

import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.WebSocketApi;
import dev.apigw.redis.RedisStores;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.spi.IamCredentials;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.samples.localserver.isolate.IsolatedFunctions;
import dev.apigw.servlet.LocalServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Serves a template's WebSocket API (reference 7.3, 7.4, 9.5): its stage ({@code --stage}, else its
 * only one, else {@code dev} when it declares none) on {@code ws://HOST:PORT/STAGE} ({@link
 * WebSocketEndpointServlet}) and the stage's {@code @connections} API on the same port ({@link
 * ManageConnectionsServlet}; SigV4 required only with {@code --credentials}), its Java functions
 * and {@code --lambda} bindings bound as for a REST API, its {@code HTTP} and {@code HTTP_PROXY}
 * integrations calling their endpoints and its AWS service integrations the {@code --aws-endpoint}
 * ones (with a startup warning for a service no endpoint covers). Every {@link #EXPIRY_SECONDS}
 * seconds a daemon thread runs {@link WebSocketGateway#closeExpired}. {@code --watch} does not
 * reload it. With {@code --redis} (issue 16; reference 7.4, 9.4) the account's stores and the
 * gateway's connection records are on that Redis ({@link RedisAccountStores}), and {@code
 * @connections} calls for a connection another server holds are relayed to it by pub/sub; at
 * shutdown the gateway closes its connections ({@link WebSocketGateway#close}), then the functions
 * and the Redis stores are closed.
 */
final class WebSocketServing {
    /** How often idle and too old connections are closed, in seconds. */
    static final int EXPIRY_SECONDS = 10;

    private WebSocketServing() {}

    /** Returns the URL of a WebSocket stage: {@code ws://HOST:PORT/STAGE}. */
    static String stageUrl(String baseUrl, String stage) {
        return "ws" + baseUrl.substring("http".length()) + "/" + stage;
    }

    /** Builds the gateway of the API {@code apiId} of {@code definition} and starts serving it. */
    static RunningServer launch(
            ServerOptions options,
            GatewayDefinition definition,
            String apiId,
            Consumer<String> out,
            PrintStream err,
            IsolatedFunctions isolated) {
        WebSocketApi api = definition.webSocketApi(apiId);
        String stage = stageName(api, options);
        StartupWarnings warnings = new StartupWarnings().addAll(definition.warnings());
        if (options.watch()) {
            warnings.addAll(List.of("--watch does not reload a WebSocket API: restart to reload"));
        }
        List<AutoCloseable> resources = new ArrayList<>();
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        PrometheusMeterRegistry metrics = LocalServerMain.metricsRegistry();
        LocalServer server = null;
        ScheduledExecutorService expiry = null;
        RedisStores redis = null;
        try {
            redis = connect(options, metrics, out);
            TemplateAssembly.bindFunctions(
                    definition, options, isolated, functions, resources, warnings);
            HandlerLoader loader = HandlerLoader.create(options.classpath());
            options.lambdas().forEach((name, type) -> functions.put(name, loader.load(name, type)));
            Gateway.Builder accountBuilder =
                    LocalServerMain.account(options)
                            .meterRegistry(metrics)
                            .accessLog(new AccessLogPrinter(out));
            Gateway account =
                    (redis == null ? accountBuilder : redis.applyTo(accountBuilder)).build();
            WebSocketGateway.Builder b =
                    WebSocketGateway.builder().gateway(account).webSocketApi(api).stage(stage);
            if (redis != null) {
                b.connectionStore(redis.connectionStore()).connectionRelay(redis.connectionRelay());
            }
            functions.forEach(b::lambda);
            HostBindings.awsBackend(options, System.getenv()).ifPresent(b::awsServiceBackend);
            warnings.addAll(UnboundServices.of(api, options));
            definition.apiKeys().values().forEach(b::apiKey);
            definition.usagePlans().values().forEach(b::usagePlan);
            Map<String, IamCredentials> known = HostBindings.iamUsers(options, account.accountId());
            if (!known.isEmpty()) {
                b.credentials(key -> Optional.ofNullable(known.get(key)));
            }
            WebSocketGateway gateway = build(b, apiId);
            warnings.print(err);
            server = LocalServer.create(options.host(), options.port()).open();
            server.serve("/" + stage, new WebSocketEndpointServlet(gateway));
            server.serve(
                    "/*", new ManageConnectionsServlet(gateway, !options.credentials().isEmpty()));
            expiry = expiry(gateway);
            server.start();
            ScheduledExecutorService timer = expiry;
            RedisStores shared = redis;
            return new RunningServer(
                    server,
                    null,
                    stage,
                    () -> {
                        timer.shutdownNow();
                        try {
                            gateway.close();
                        } finally {
                            cleanUp(null, null, resources, isolated, shared);
                        }
                    },
                    metrics,
                    ApiType.WEBSOCKET,
                    api.id());
        } catch (IllegalStateException e) {
            cleanUp(server, expiry, resources, isolated, redis);
            throw LaunchException.failure(e.getMessage());
        } catch (RuntimeException e) {
            cleanUp(server, expiry, resources, isolated, redis);
            throw e;
        }
    }

    /** Connects to the Redis of {@code --redis} and prints its startup line; null without it. */
    private static RedisStores connect(
            ServerOptions options, PrometheusMeterRegistry metrics, Consumer<String> out) {
        return options.redis()
                .map(
                        uri ->
                                RedisAccountStores.connect(
                                        uri, options.redisFail(), metrics, out, true))
                .orElse(null);
    }

    private static WebSocketGateway build(WebSocketGateway.Builder b, String apiId) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw LaunchException.failure("cannot serve " + apiId + ": " + e.getMessage());
        }
    }

    private static void cleanUp(
            LocalServer server,
            ScheduledExecutorService expiry,
            List<AutoCloseable> resources,
            IsolatedFunctions isolated,
            RedisStores redis) {
        if (expiry != null) {
            expiry.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
        TemplateAssembly.closeAll(resources);
        try {
            if (isolated != null) {
                isolated.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    /**
     * Returns the stage served: {@code --stage} (one of the API's stages when it declares any),
     * else its only stage, else {@code dev}; several stages need {@code --stage}.
     */
    static String stageName(WebSocketApi api, ServerOptions options) {
        List<String> names = new ArrayList<>(api.stages().keySet());
        if (options.stageGiven().isPresent()) {
            String given = options.stageGiven().get();
            if (!names.isEmpty() && !names.contains(given)) {
                throw LaunchException.usage(
                        "--stage "
                                + given
                                + ": the API has the stages "
                                + String.join(", ", names));
            }
            return given;
        }
        if (names.size() > 1) {
            throw LaunchException.usage(
                    "the API has several stages "
                            + String.join(", ", names)
                            + ": choose one with --stage");
        }
        return names.isEmpty() ? options.stage() : names.get(0);
    }

    private static ScheduledExecutorService expiry(WebSocketGateway gateway) {
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "apigw-websocket-expiry");
                            t.setDaemon(true);
                            return t;
                        });
        timer.scheduleWithFixedDelay(
                gateway::closeExpired, EXPIRY_SECONDS, EXPIRY_SECONDS, TimeUnit.SECONDS);
        return timer;
    }
}
