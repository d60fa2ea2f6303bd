package dev.apigw.runtime.websocket;

import dev.apigw.model.ApiKey;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketStage;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.auth.sigv4.SigV4Outcome;
import dev.apigw.runtime.auth.sigv4.SigV4Verifier;
import dev.apigw.runtime.pipeline.Backends;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.ConnectionRecord;
import dev.apigw.runtime.spi.ConnectionRelay;
import dev.apigw.runtime.spi.ConnectionStore;
import dev.apigw.runtime.spi.CredentialsResolver;
import dev.apigw.runtime.spi.HttpBackend;
import dev.apigw.runtime.spi.LambdaFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * effort. Integrations: {@code AWS_PROXY} Lambda ({@link LambdaProxyRoute}), and {@code AWS},
 * {@code HTTP}, {@code HTTP_PROXY} and {@code MOCK} with templates, request parameters and
 * integration responses ({@link BackendRoute}, reference 5.4, 6), calling the HTTP and AWS service
 * backends the builder takes. Messages past 128 KB close the connection with 1009, and {@link
 * #closeExpired} ends idle and too old connections (reference 9.5). Ids come from the account's
 * random source, times from its clock.
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
 * <p>Observability (reference 10.1 to 10.3, {@code WebSocketObserver}): with a meter registry on
 * the account, the WebSocket metrics ({@code ConnectCount}, {@code MessageCount}, {@code
 * IntegrationError}, {@code ClientError}, {@code ExecutionError}, {@code IntegrationLatency}); the
 * execution log of each event at its route's {@code loggingLevel}; with the stage's {@code
 * accessLogSettings}, one access-log line per {@code $connect}, message and {@code $disconnect} to
 * the account's {@link dev.apigw.runtime.spi.AccessLogSink}.
 *
 * <p>A fleet (issue 16): several gateways of one API and stage, one per node, share a {@link
 * ConnectionStore} and a {@link ConnectionRelay} ({@link Builder#connectionRelay}). A call of the
 * {@code @connections} API for a connection another node holds is answered from its record
 * (GetConnection) or relayed to that node (PostToConnection, DeleteConnection, whose {@code
 * $disconnect} runs there), and is gone (410) when no node holds it. {@link #close} ends this
 * node's connections and its subscription to the relay.
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
public final class WebSocketGateway implements AutoCloseable {
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

    private final Gateway gateway;
    private final WebSocketApi api;
    private final WebSocketStage stage;
    private final OpenConnections connections;
    private final CompiledRoutes routes;
    private final SigV4Verifier manageConnections;
    private final ConnectionRelay.Subscription relayed;

    private WebSocketGateway(Builder b, WebSocketStage stage) {
        this.gateway = b.gateway;
        this.api = b.api;
        this.stage = stage;
        this.connections =
                new OpenConnections(
                        b.store != null ? b.store : ConnectionStore.inMemory(),
                        b.relay,
                        api.id(),
                        stage.stageName());
        this.routes =
                CompiledRoutes.compile(
                        api,
                        stage,
                        gateway,
                        new CompiledRoutes.Bindings(
                                b.lambdas,
                                b.httpBackend,
                                b.awsServiceBackend,
                                b.apiKeys.values(),
                                b.usagePlans.values(),
                                b.credentials),
                        connections);
        this.manageConnections =
                new SigV4Verifier(b.credentials, gateway.clock(), gateway.region(), true);
        this.relayed = connections.subscribe(new RelayReceiver());
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
        return connections.count();
    }

    /**
     * Handles an upgrade request: runs {@code $connect} and, when it accepts, opens the connection
     * with {@code sink} as the way to its client. Never throws for what the request or the
     * integration holds.
     */
    public ConnectResult connect(ConnectRequest request, ConnectionSink sink) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        return routes.handshake().connect(request, sink);
    }

    /**
     * Routes one message a client sent on the connection {@code connectionId}; what goes back (a
     * route response, an error frame) goes through the connection's sink. A message for a
     * connection that is not open is dropped. Never throws.
     */
    public void message(String connectionId, Frame frame) {
        try {
            Instant now = gateway.clock().instant();
            if (!routes.router().receive(connections, connectionId, frame, now)) {
                disconnect(connectionId, MESSAGE_TOO_BIG, "Message too big");
            }
        } catch (RuntimeException e) {
            LOG.warn("message on {} failed", connectionId, e);
        }
    }

    /**
     * Ends the connection {@code connectionId} after its socket closed with {@code statusCode} (RFC
     * 6455, e.g. 1001 going away) and {@code reason}: removes it and runs {@code $disconnect}, best
     * effort (a failing integration is logged). Does nothing for a connection that is not open on
     * this gateway (another node's connection included), so calling it twice is harmless. Never
     * throws.
     */
    public void disconnect(String connectionId, int statusCode, String reason) {
        try {
            if (connectionId == null || !connections.holds(connectionId)) {
                return;
            }
            Optional<ConnectionRecord> connection = connections.remove(connectionId);
            connection.ifPresent(
                    c -> routes.disconnect().run(c, statusCode, reason == null ? "" : reason));
        } catch (RuntimeException e) {
            LOG.warn("disconnect of {} failed", connectionId, e);
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
        for (String connectionId :
                connections.expired(now, IDLE_TIMEOUT, MAX_CONNECTION_DURATION)) {
            connections.sink(connectionId).ifPresent(s -> close(s, GOING_AWAY, "Going away"));
            disconnect(connectionId, GOING_AWAY, "Going away");
            closed++;
        }
        return closed;
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
     * @throws GoneException when the connection is open neither here nor, through the relay, on
     *     another node
     * @throws PayloadTooLargeException when the data passes {@link #MAX_MESSAGE_BYTES}
     * @throws LimitExceededException when the account's throttle is empty (reference 9.4)
     */
    public void postToConnection(String connectionId, byte[] data) {
        Objects.requireNonNull(data, "data");
        takeAccountToken();
        connections.post(connectionId, data, MAX_MESSAGE_BYTES, gateway.clock().instant());
        routes.observer().sent(null);
    }

    /**
     * Returns what {@code @connections} GetConnection tells of an open connection (reference 7.4).
     *
     * @throws GoneException when the connection is open neither here nor, through the relay, on
     *     another node
     * @throws LimitExceededException when the account's throttle is empty (reference 9.4)
     */
    public ConnectionInfo getConnection(String connectionId) {
        takeAccountToken();
        return connections.info(connectionId);
    }

    /**
     * Closes a connection ({@code @connections} DeleteConnection, reference 7.4): its sink is
     * closed with {@link #NORMAL_CLOSURE} and {@code $disconnect} runs.
     *
     * @throws GoneException when the connection is open neither here nor, through the relay, on
     *     another node
     * @throws LimitExceededException when the account's throttle is empty (reference 9.4)
     */
    public void deleteConnection(String connectionId) {
        takeAccountToken();
        if (!connections.holds(connectionId)) {
            connections.relayDelete(connectionId);
            return;
        }
        runDisconnect(connections.delete(connectionId, NORMAL_CLOSURE));
    }

    /**
     * Stops this node: leaves the relay, so that calls for its connections are no longer delivered
     * here, then closes every connection it holds with {@link #GOING_AWAY} and runs their {@code
     * $disconnect}, which removes their records from the store. Never throws; a second call does
     * nothing more.
     */
    @Override
    public void close() {
        try {
            relayed.close();
        } catch (RuntimeException e) {
            LOG.warn("leaving the connection relay failed", e);
        }
        for (String connectionId : connections.held()) {
            connections.sink(connectionId).ifPresent(s -> close(s, GOING_AWAY, "Going away"));
            disconnect(connectionId, GOING_AWAY, "Going away");
        }
    }

    private void runDisconnect(ConnectionRecord removed) {
        try {
            routes.disconnect().run(removed, NORMAL_CLOSURE, "");
        } catch (RuntimeException e) {
            LOG.warn("$disconnect of {} failed", removed.connectionId(), e);
        }
    }

    /**
     * The {@code @connections} calls another node relays here (issue 16): only a connection this
     * gateway holds is acted on. A relayed delete closes the connection and answers at once; its
     * {@code $disconnect} runs on the account's event threads, so that the caller's node does not
     * wait for the integration.
     */
    private final class RelayReceiver implements ConnectionRelay.Receiver {
        @Override
        public boolean post(String connectionId, byte[] data) {
            if (!connections.holds(connectionId)) {
                return false;
            }
            try {
                connections.post(connectionId, data, MAX_MESSAGE_BYTES, gateway.clock().instant());
                return true;
            } catch (RuntimeException e) {
                LOG.debug("relayed post to {} not delivered", connectionId, e);
                return false;
            }
        }

        @Override
        public boolean delete(String connectionId) {
            if (!connections.holds(connectionId)) {
                return false;
            }
            ConnectionRecord removed;
            try {
                removed = connections.delete(connectionId, NORMAL_CLOSURE);
            } catch (RuntimeException e) {
                LOG.debug("relayed delete of {} not done", connectionId, e);
                return false;
            }
            try {
                gateway.eventInvocations().execute(() -> runDisconnect(removed));
            } catch (RuntimeException e) {
                LOG.warn("$disconnect of {} not started", connectionId, e);
            }
            return true;
        }
    }

    /** An {@code @connections} call takes a token of the account's bucket (reference 9.4). */
    private void takeAccountToken() {
        if (!routes.throttles().tryTakeAccount()) {
            throw new LimitExceededException();
        }
    }

    private static void close(ConnectionSink sink, int statusCode, String reason) {
        OpenConnections.close(sink, statusCode, reason);
    }

    /** Builds a {@link WebSocketGateway}. */
    public static final class Builder {
        private Gateway gateway;
        private WebSocketApi api;
        private String stageName;
        private ConnectionStore store;
        private ConnectionRelay relay = ConnectionRelay.none();
        private final Map<String, LambdaFunction> lambdas = new HashMap<>();
        private final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
        private final Map<String, UsagePlan> usagePlans = new LinkedHashMap<>();
        private CredentialsResolver credentials = Backends.NO_CREDENTIALS;
        private HttpBackend httpBackend;
        private AwsServiceBackend awsServiceBackend;

        private Builder() {}

        /**
         * Sets the backend of {@code HTTP} and {@code HTTP_PROXY} integrations, as {@code
         * Api.Builder#httpBackend} (default: {@link
         * dev.apigw.runtime.http.JdkHttpBackend#create()}).
         */
        public Builder httpBackend(HttpBackend httpBackend) {
            this.httpBackend = Objects.requireNonNull(httpBackend);
            return this;
        }

        /**
         * Sets the backend of {@code AWS} integrations with a service other than Lambda ({@code
         * arn:aws:apigateway:{region}:{service}:action/...}, reference 4.2), as {@code
         * Api.Builder#awsServiceBackend}; without one, they fail with 500.
         */
        public Builder awsServiceBackend(AwsServiceBackend awsServiceBackend) {
            this.awsServiceBackend = Objects.requireNonNull(awsServiceBackend);
            return this;
        }

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
         * Sets how {@code @connections} calls reach connections held by other nodes sharing the
         * {@link #connectionStore} (default: {@link ConnectionRelay#none()}, a single JVM: a
         * connection this gateway does not hold is gone).
         */
        public Builder connectionRelay(ConnectionRelay relay) {
            this.relay = Objects.requireNonNull(relay);
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
