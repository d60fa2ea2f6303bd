package dev.apigw.runtime.websocket;

import dev.apigw.model.ApiKey;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketAuthorizer;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.model.WebSocketStage;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.auth.WebSocketLambdaAuthorizer;
import dev.apigw.runtime.auth.sigv4.SigV4Outcome;
import dev.apigw.runtime.auth.sigv4.SigV4Verifier;
import dev.apigw.runtime.integration.LambdaArn;
import dev.apigw.runtime.integration.LambdaCall;
import dev.apigw.runtime.pipeline.ApiKeys;
import dev.apigw.runtime.pipeline.Attributes;
import dev.apigw.runtime.pipeline.Backends;
import dev.apigw.runtime.pipeline.RequestIds;
import dev.apigw.runtime.pipeline.UsagePlans;
import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionStore;
import dev.apigw.runtime.spi.CredentialsResolver;
import dev.apigw.runtime.spi.LambdaFunction;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stage of a WebSocket API, served without a transport (reference 2.6, 7.3, 7.4): the host (a
 * WebSocket server, a test) calls {@link #connect} for an upgrade request, {@link #message} for
 * each message a client sends and {@link #disconnect} when a socket closes, and receives what goes
 * to each client through the {@link ConnectionSink} it supplied for it. The {@code @connections}
 * API is {@link #postToConnection}, {@link #getConnection} and {@link #deleteConnection}, which
 * throw {@link GoneException} (410) for a connection that is not open.
 *
 * <p>Access: a {@code $connect} route with a Lambda {@code REQUEST} authorizer, {@code AWS_IAM} or
 * {@code apiKeyRequired} is checked first ({@code ConnectAccess}, reference 7.3, 8.2, 8.3, 8.7):
 * the upgrade is refused with 401 or 403 (500 for a failing authorizer), and what was verified (the
 * authorizer's principal and context, the IAM caller, the API key) goes into every event of the
 * connection. The builder takes the API keys, usage plans and IAM credentials these checks use.
 *
 * <p>Routes: {@code $connect} runs during {@link #connect} and decides acceptance (no route or no
 * integration accepts; a 2xx answer accepts, another status refuses with it; a failed integration
 * refuses with 500, 502 or 504); a message goes to the route its {@code routeSelectionExpression}
 * selects, else {@code $default}, else the client gets the error frame {@code {"message":
 * "Forbidden", ...}}; the function's {@code body} comes back to the client only on a two-way route
 * (a {@code $default} route response, reference 7.3); {@code $disconnect} runs after a close, best
 * effort. Integrations served: {@code AWS_PROXY} Lambda and {@code MOCK} (without templates); other
 * types fail as an integration failure (docs/differences.md). Messages past 128 KB close the
 * connection with 1009, and {@link #closeExpired} ends idle and too old connections (reference
 * 9.5). Ids come from the account's random source, times from its clock.
 *
 * <p>Limits (reference 7.3, 9.4, 9.5): an upgrade first takes a token of the account's new
 * connections ({@code ConnectionRate}, {@link Gateway#newConnectionThrottle()}), then of the {@code
 * $connect} route's stage limit and of the account's ({@code RouteThrottles}); an empty bucket
 * refuses it with 429 {@code {"message":"Too Many Requests"}} before the authorizer and {@code
 * $connect} run. A message takes a token of its route's stage limit and of the account's; a
 * throttled one gets the error frame {@code {"message": "Too Many Requests", ...}}, its integration
 * is not called and its connection stays open. {@code @connections} calls take the account's token
 * ({@link LimitExceededException}, 429). {@code $disconnect} is not throttled. A {@link Frame} is a
 * whole message: the host enforces the 32 KB frame limit.
 *
 * <p>Each call runs in the caller's thread, functions on the account's threads within their
 * integration's timeout. Thread-safe; its definition is fixed when built, while the open
 * connections live in the {@link ConnectionStore} (records) and in this object's map of sinks.
 *
 * <pre>{@code
 * WebSocketGateway chat = WebSocketGateway.builder().gateway(account).webSocketApi(api)
 *         .stage("prod").lambda("chat", function).build();
 * ConnectResult result = chat.connect(request, sink);
 * }</pre>
 */
public final class WebSocketGateway {
    /** The largest message, in bytes (reference 9.5): beyond it the connection closes, 1009. */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;

    /** The close code of a message past {@link #MAX_MESSAGE_BYTES} (RFC 6455, reference 7.3). */
    public static final int MESSAGE_TOO_BIG = 1009;

    /** The close code of a connection {@link #deleteConnection} ends. */
    public static final int NORMAL_CLOSURE = 1000;

    /** The close code of a connection {@link #closeExpired} ends. */
    public static final int GOING_AWAY = 1001;

    /** How long a connection may go without a message before it is closed (reference 9.5). */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    /** How long a connection may stay open at most (reference 9.5). */
    public static final Duration MAX_CONNECTION_DURATION = Duration.ofHours(2);

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
    private static final String INTERNAL_ERROR_BODY = "{\"message\": \"Internal server error\"}";
    private static final String THROTTLED_BODY = "{\"message\":\"Too Many Requests\"}";

    private final Gateway gateway;
    private final WebSocketApi api;
    private final WebSocketStage stage;
    private final ConnectionStore store;
    private final RouteSelector selector;
    private final WebSocketEvents events;
    private final Map<String, RouteIntegration> integrations;
    private final ConnectAccess access;
    private final SigV4Verifier manageConnections;
    private final ConnectionRate connectionRate;
    private final RouteThrottles throttles;
    private final ConcurrentMap<String, ConnectionSink> sinks = new ConcurrentHashMap<>();

    private WebSocketGateway(Builder b, WebSocketStage stage) {
        this.gateway = b.gateway;
        this.api = b.api;
        this.stage = stage;
        this.store = b.store != null ? b.store : ConnectionStore.inMemory();
        this.selector = new RouteSelector(api);
        this.events =
                new WebSocketEvents(
                        api.id() + ".execute-api." + gateway.region() + ".amazonaws.com");
        Backends backends =
                new Backends(
                        b.lambdas,
                        request -> {
                            throw new IllegalStateException(
                                    "WebSocket HTTP integrations are not served yet");
                        },
                        Backends.NO_AWS_SERVICE_BACKEND,
                        Backends.NO_CREDENTIALS,
                        Attributes.empty());
        Map<String, RouteIntegration> byRoute = new HashMap<>();
        for (WebSocketRoute route : api.routes().values()) {
            route.integrationId()
                    .map(id -> api.integrations().get(id))
                    .map(i -> compile(i, backends))
                    .ifPresent(i -> byRoute.put(route.routeKey(), i));
        }
        this.integrations = Map.copyOf(byRoute);
        this.access = compileAccess(b, backends);
        this.manageConnections =
                new SigV4Verifier(b.credentials, gateway.clock(), gateway.region(), true);
        this.connectionRate = new ConnectionRate(gateway);
        this.throttles = new RouteThrottles(gateway, api, stage);
    }

    private RouteIntegration compile(WebSocketIntegration integration, Backends backends) {
        if (integration.integrationType() == IntegrationType.MOCK) {
            return RouteIntegration.MOCK;
        }
        String uri = integration.integrationUri().orElse("");
        if (integration.integrationType() != IntegrationType.AWS_PROXY
                || (uri.startsWith("arn:") && !uri.contains(":lambda:"))) {
            return RouteIntegration.NOT_SERVED;
        }
        LambdaArn arn;
        try {
            arn = LambdaArn.parseTarget(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "integration " + integration.integrationId() + ": " + e.getMessage(), e);
        }
        LambdaCall call = new LambdaCall(arn, integration.timeoutInMillis(), "integration");
        return new LambdaProxyRoute(call, gateway, backends, stage.stageVariables());
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the API served. */
    public WebSocketApi webSocketApi() {
        return api;
    }

    /** Returns the stage served. */
    public WebSocketStage stage() {
        return stage;
    }

    /**
     * Returns how many connections are open on this gateway: the live sockets it holds (one sink
     * per accepted connection, from {@link #connect} until {@link #disconnect}), whatever its
     * {@link ConnectionStore} holds. A host or a soak test checks that it returns to zero once
     * every client has gone.
     */
    public int openConnections() {
        return sinks.size();
    }

    /**
     * Handles an upgrade request: runs {@code $connect} and, when it accepts, opens the connection
     * with {@code sink} as the way to its client. Never throws for what the request or the
     * integration holds.
     */
    public ConnectResult connect(ConnectRequest request, ConnectionSink sink) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        Instant now = gateway.clock().instant();
        ConnectionRecord connection =
                new ConnectionRecord(
                        RequestIds.extendedRequestId(gateway.random()),
                        api.id(),
                        stage.stageName(),
                        now,
                        now,
                        request.sourceIp(),
                        request.userAgent(),
                        request.headers(),
                        request.queryParameters(),
                        Map.of());
        WebSocketEvents.Call call =
                new WebSocketEvents.Call(
                        WebSocketRoute.CONNECT,
                        RequestIds.extendedRequestId(gateway.random()),
                        now);
        RouteAnswer answer;
        try {
            if (!connectionRate.tryConnect() || !throttles.tryTake(WebSocketRoute.CONNECT)) {
                return new ConnectResult.Refused(429, THROTTLED_BODY);
            }
            ConnectAccess.Outcome outcome = access.check(request, connection, events, call);
            if (outcome instanceof ConnectAccess.Outcome.Refused refused) {
                return new ConnectResult.Refused(
                        refused.statusCode(), refusalBody(refused.statusCode()));
            }
            connection = ((ConnectAccess.Outcome.Granted) outcome).connection();
            answer = runConnect(connection, call);
        } catch (RuntimeException e) {
            LOG.warn("$connect of {} failed", api.id(), e);
            answer = RouteAnswer.failure(500);
        }
        if (answer.failed()) {
            return new ConnectResult.Refused(answer.statusCode(), INTERNAL_ERROR_BODY);
        }
        if (!answer.isSuccess()) {
            return new ConnectResult.Refused(
                    answer.statusCode(), answer.body().map(Frame::asText).orElse(""));
        }
        sinks.put(connection.connectionId(), sink);
        try {
            store.put(connection);
        } catch (RuntimeException e) {
            sinks.remove(connection.connectionId());
            LOG.warn("the connection store refused a connection of {}", api.id(), e);
            return new ConnectResult.Refused(500, INTERNAL_ERROR_BODY);
        }
        return new ConnectResult.Accepted(connection.connectionId(), subprotocol(answer));
    }

    private RouteAnswer runConnect(ConnectionRecord connection, WebSocketEvents.Call call) {
        RouteIntegration integration = integrations.get(WebSocketRoute.CONNECT);
        if (integration == null) {
            return RouteAnswer.OK;
        }
        return integration.invoke(() -> events.connect(connection, call));
    }

    /** The body of an upgrade refused by {@code $connect}'s access control (reference 3.3). */
    private static String refusalBody(int statusCode) {
        return switch (statusCode) {
            case 401 -> "{\"message\":\"Unauthorized\"}";
            case 403 -> "{\"message\":\"Forbidden\"}";
            default -> INTERNAL_ERROR_BODY;
        };
    }

    private ConnectAccess compileAccess(Builder b, Backends backends) {
        Optional<WebSocketRoute> route = api.route(WebSocketRoute.CONNECT);
        if (route.isEmpty()) {
            return ConnectAccess.OPEN;
        }
        WebSocketLambdaAuthorizer lambda = null;
        ConnectIdentitySources sources = null;
        ConnectIam iam = null;
        if (route.get().authorizationType() == AuthorizationType.CUSTOM) {
            String authorizerId = route.get().authorizerId().orElse("");
            WebSocketAuthorizer authorizer = api.authorizers().get(authorizerId);
            if (authorizer == null) {
                throw new IllegalArgumentException(
                        "route $connect names the authorizer "
                                + authorizerId
                                + ", which "
                                + api.id()
                                + " lacks");
            }
            lambda =
                    WebSocketLambdaAuthorizer.compile(
                            authorizer, gateway, backends, stage.stageVariables());
            sources = new ConnectIdentitySources(authorizer.identitySource());
        } else if (route.get().authorizationType() == AuthorizationType.AWS_IAM) {
            iam =
                    new ConnectIam(
                            new SigV4Verifier(
                                    b.credentials, gateway.clock(), gateway.region(), false));
        }
        ConnectApiKey apiKey =
                route.get().apiKeyRequired()
                        ? new ConnectApiKey(
                                api,
                                ApiKeys.of(b.apiKeys.values()),
                                UsagePlans.of(
                                        api.id(),
                                        b.usagePlans.values(),
                                        gateway.usageStore(),
                                        gateway.clock()),
                                stage.stageName())
                        : null;
        String methodArn =
                "arn:aws:execute-api:"
                        + gateway.region()
                        + ":"
                        + gateway.accountId()
                        + ":"
                        + api.id()
                        + "/"
                        + stage.stageName()
                        + "/"
                        + WebSocketRoute.CONNECT;
        return new ConnectAccess(lambda, sources, iam, apiKey, methodArn, stage.stageVariables());
    }

    private static Map<String, String> subprotocol(RouteAnswer answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers()
                .forEach(
                        (name, value) -> {
                            if (name.equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                                headers.put("Sec-WebSocket-Protocol", value);
                            }
                        });
        return headers;
    }

    /**
     * Routes one message a client sent on the connection {@code connectionId}; what goes back (a
     * route response, an error frame) goes through the connection's sink. A message for a
     * connection that is not open is dropped. Never throws.
     */
    public void message(String connectionId, Frame frame) {
        try {
            ConnectionSink sink = connectionId == null ? null : sinks.get(connectionId);
            Optional<ConnectionRecord> connection =
                    sink == null ? Optional.empty() : store.get(connectionId);
            if (connection.isEmpty() || frame == null) {
                LOG.debug("message for {}, which is not open: dropped", connectionId);
                return;
            }
            if (frame.length() > MAX_MESSAGE_BYTES) {
                close(sink, MESSAGE_TOO_BIG, "Message too big");
                disconnect(connectionId, MESSAGE_TOO_BIG, "Message too big");
                return;
            }
            Instant now = gateway.clock().instant();
            store.touch(connectionId, now);
            route(connection.get(), sink, frame, now);
        } catch (RuntimeException e) {
            LOG.warn("message on {} failed", connectionId, e);
        }
    }

    private void route(ConnectionRecord connection, ConnectionSink sink, Frame frame, Instant now) {
        String requestId = RequestIds.extendedRequestId(gateway.random());
        Optional<WebSocketRoute> route = selector.select(frame);
        if (route.isEmpty()) {
            send(sink, ErrorFrames.of(ErrorFrames.FORBIDDEN, connection.connectionId(), requestId));
            return;
        }
        if (!throttles.tryTake(route.get().routeKey())) {
            send(
                    sink,
                    ErrorFrames.of(
                            ErrorFrames.TOO_MANY_REQUESTS, connection.connectionId(), requestId));
            return;
        }
        RouteIntegration integration = integrations.get(route.get().routeKey());
        WebSocketEvents.Call call =
                new WebSocketEvents.Call(route.get().routeKey(), requestId, now);
        String messageId = RequestIds.extendedRequestId(gateway.random());
        RouteAnswer answer =
                integration == null
                        ? RouteAnswer.failure(500)
                        : integration.invoke(
                                () -> events.message(connection, call, messageId, frame));
        if (answer.failed()) {
            send(
                    sink,
                    ErrorFrames.of(
                            ErrorFrames.INTERNAL_SERVER_ERROR,
                            connection.connectionId(),
                            requestId));
        } else if (route.get().isTwoWay() && answer.body().isPresent()) {
            send(sink, answer.body().get());
        }
    }

    /**
     * Ends the connection {@code connectionId} after its socket closed with {@code statusCode} (RFC
     * 6455, e.g. 1001 going away) and {@code reason}: removes it and runs {@code $disconnect}, best
     * effort (a failing integration is logged). Does nothing for a connection that is not open, so
     * calling it twice is harmless. Never throws.
     */
    public void disconnect(String connectionId, int statusCode, String reason) {
        try {
            if (connectionId == null) {
                return;
            }
            Optional<ConnectionRecord> connection = store.remove(connectionId);
            sinks.remove(connectionId);
            connection.ifPresent(c -> runDisconnect(c, statusCode, reason == null ? "" : reason));
        } catch (RuntimeException e) {
            LOG.warn("disconnect of {} failed", connectionId, e);
        }
    }

    private void runDisconnect(ConnectionRecord connection, int statusCode, String reason) {
        RouteIntegration integration = integrations.get(WebSocketRoute.DISCONNECT);
        if (integration == null) {
            return;
        }
        WebSocketEvents.Call call =
                new WebSocketEvents.Call(
                        WebSocketRoute.DISCONNECT,
                        RequestIds.extendedRequestId(gateway.random()),
                        gateway.clock().instant());
        RouteAnswer answer =
                integration.invoke(() -> events.disconnect(connection, call, statusCode, reason));
        if (answer.failed()) {
            LOG.warn(
                    "$disconnect of {} on {} failed with {}",
                    connection.connectionId(),
                    api.id(),
                    answer.statusCode());
        }
    }

    /**
     * Closes, with {@link #GOING_AWAY} and {@code Going away}, every connection of this gateway
     * that had no message for {@link #IDLE_TIMEOUT} or is open for {@link #MAX_CONNECTION_DURATION}
     * by the account's clock (reference 9.5), and runs their {@code $disconnect}. The host calls it
     * now and then (a WebSocket server every few seconds); its cost grows with the number of open
     * connections. Never throws.
     *
     * @return how many connections it closed
     */
    public int closeExpired() {
        Instant now = gateway.clock().instant();
        int closed = 0;
        for (String connectionId : sinks.keySet()) {
            Optional<ConnectionRecord> connection = store.get(connectionId);
            if (connection.isPresent() && isExpired(connection.get(), now)) {
                ConnectionSink sink = sinks.get(connectionId);
                if (sink != null) {
                    close(sink, GOING_AWAY, "Going away");
                }
                disconnect(connectionId, GOING_AWAY, "Going away");
                closed++;
            }
        }
        return closed;
    }

    private static boolean isExpired(ConnectionRecord connection, Instant now) {
        return !now.isBefore(connection.lastActiveAt().plus(IDLE_TIMEOUT))
                || !now.isBefore(connection.connectedAt().plus(MAX_CONNECTION_DURATION));
    }

    /**
     * Checks the signature of an {@code @connections} call made over HTTP (reference 7.4: SigV4 for
     * {@code execute-api}, the IAM action {@code execute-api:ManageConnections}) against the
     * credentials this gateway was built with ({@link Builder#credentials}); returns why it is
     * refused (403 {@code ForbiddenException}), or empty when a known key signed it. Without
     * credentials every signature fails. The callers' IAM policies are not evaluated.
     */
    public Optional<String> manageConnectionsRefusal(Request request) {
        SigV4Outcome outcome = manageConnections.verify(request);
        return outcome instanceof SigV4Outcome.Failure failure
                ? Optional.of(failure.message())
                : Optional.empty();
    }

    /**
     * Sends {@code data} to the client of {@code connectionId} ({@code @connections}
     * PostToConnection, reference 7.4): a text frame when the data is UTF-8, else a binary frame.
     *
     * @throws GoneException when the connection is not open on this gateway
     * @throws LimitExceededException when the account's throttle is empty (reference 9.4)
     * @throws PayloadTooLargeException when the data passes {@link #MAX_MESSAGE_BYTES}
     */
    public void postToConnection(String connectionId, byte[] data) {
        Objects.requireNonNull(data, "data");
        ConnectionSink sink = openSink(connectionId);
        if (data.length > MAX_MESSAGE_BYTES) {
            throw new PayloadTooLargeException(data.length);
        }
        try {
            sink.send(isUtf8(data) ? new Frame(true, data) : Frame.binary(data));
        } catch (RuntimeException e) {
            LOG.warn("sending to {} failed", connectionId, e);
            throw new GoneException(connectionId);
        }
        store.touch(connectionId, gateway.clock().instant());
    }

    /**
     * Returns what {@code @connections} GetConnection tells of an open connection (reference 7.4).
     *
     * @throws GoneException when the connection is not open on this gateway
     * @throws LimitExceededException when the account's throttle is empty (reference 9.4)
     */
    public ConnectionInfo getConnection(String connectionId) {
        ConnectionRecord record = openRecord(connectionId);
        return new ConnectionInfo(
                record.connectedAt(), record.sourceIp(), record.userAgent(), record.lastActiveAt());
    }

    /**
     * Closes a connection ({@code @connections} DeleteConnection, reference 7.4): its sink is
     * closed with {@link #NORMAL_CLOSURE} and {@code $disconnect} runs.
     *
     * @throws GoneException when the connection is not open on this gateway
     * @throws LimitExceededException when the account's throttle is empty (reference 9.4)
     */
    public void deleteConnection(String connectionId) {
        openRecord(connectionId);
        Optional<ConnectionRecord> removed = store.remove(connectionId);
        ConnectionSink sink = sinks.remove(connectionId);
        if (removed.isEmpty()) {
            throw new GoneException(connectionId);
        }
        if (sink != null) {
            close(sink, NORMAL_CLOSURE, "");
        }
        try {
            runDisconnect(removed.get(), NORMAL_CLOSURE, "");
        } catch (RuntimeException e) {
            LOG.warn("$disconnect of {} failed", connectionId, e);
        }
    }

    private ConnectionRecord openRecord(String connectionId) {
        if (!throttles.tryTakeAccount()) {
            throw new LimitExceededException();
        }
        return Optional.ofNullable(connectionId)
                .filter(sinks::containsKey)
                .flatMap(store::get)
                .filter(r -> r.apiId().equals(api.id()) && r.stage().equals(stage.stageName()))
                .orElseThrow(() -> new GoneException(String.valueOf(connectionId)));
    }

    private ConnectionSink openSink(String connectionId) {
        openRecord(connectionId);
        ConnectionSink sink = sinks.get(connectionId);
        if (sink == null) {
            throw new GoneException(connectionId);
        }
        return sink;
    }

    private static boolean isUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void send(ConnectionSink sink, Frame frame) {
        try {
            sink.send(frame);
        } catch (RuntimeException e) {
            LOG.warn("sending a frame failed", e);
        }
    }

    private static void close(ConnectionSink sink, int statusCode, String reason) {
        try {
            sink.close(statusCode, reason);
        } catch (RuntimeException e) {
            LOG.warn("closing a connection failed", e);
        }
    }

    /** Builds a {@link WebSocketGateway}. */
    public static final class Builder {
        private Gateway gateway;
        private WebSocketApi api;
        private String stageName;
        private ConnectionStore store;
        private final Map<String, LambdaFunction> lambdas = new HashMap<>();
        private final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
        private final Map<String, UsagePlan> usagePlans = new LinkedHashMap<>();
        private CredentialsResolver credentials = Backends.NO_CREDENTIALS;

        private Builder() {}

        /**
         * Adds an API key of the account (reference 8.2), checked when {@code $connect} has {@code
         * apiKeyRequired}; a later key of the same value replaces an earlier one.
         */
        public Builder apiKey(ApiKey key) {
            apiKeys.put(key.value(), Objects.requireNonNull(key));
            return this;
        }

        /** Adds a usage plan (reference 8.2); only its stages of this API matter. */
        public Builder usagePlan(UsagePlan plan) {
            usagePlans.put(plan.id(), Objects.requireNonNull(plan));
            return this;
        }

        /**
         * Sets the IAM credentials an {@code AWS_IAM} {@code $connect} route accepts (reference
         * 8.7), as {@code Api.Builder#credentials} (default: none, so every signature fails).
         */
        public Builder credentials(CredentialsResolver credentials) {
            this.credentials = Objects.requireNonNull(credentials);
            return this;
        }

        /** Sets the account (default: {@link Gateway#create()}). */
        public Builder gateway(Gateway gateway) {
            this.gateway = Objects.requireNonNull(gateway);
            return this;
        }

        /** Sets the API to serve (required). */
        public Builder webSocketApi(WebSocketApi api) {
            this.api = Objects.requireNonNull(api);
            return this;
        }

        /**
         * Sets the stage to serve (required): one of the API's stages, or any valid name when the
         * API declares none.
         */
        public Builder stage(String stageName) {
            this.stageName = Objects.requireNonNull(stageName);
            return this;
        }

        /** Binds a Lambda function by name, or by {@code name:qualifier}. */
        public Builder lambda(String name, LambdaFunction function) {
            lambdas.put(Objects.requireNonNull(name), Objects.requireNonNull(function));
            return this;
        }

        /**
         * Sets where the connections' records live (default: {@link ConnectionStore#inMemory()}).
         */
        public Builder connectionStore(ConnectionStore store) {
            this.store = Objects.requireNonNull(store);
            return this;
        }

        /**
         * Builds the gateway; fails when the API or stage is missing, the stage is not the API's,
         * or an {@code AWS_PROXY} integration names no Lambda function.
         */
        public WebSocketGateway build() {
            Objects.requireNonNull(api, "webSocketApi is required");
            Objects.requireNonNull(stageName, "stage is required");
            if (gateway == null) {
                gateway = Gateway.create();
            }
            WebSocketStage stage = api.stages().get(stageName);
            if (stage == null) {
                if (!api.stages().isEmpty()) {
                    throw new IllegalArgumentException(
                            "WebSocket API " + api.id() + " has no stage " + stageName);
                }
                stage = WebSocketStage.builder(stageName).build();
            }
            return new WebSocketGateway(this, stage);
        }
    }
}
