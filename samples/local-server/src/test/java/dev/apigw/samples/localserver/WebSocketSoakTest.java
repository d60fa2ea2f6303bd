package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.websocket.WebSocketGateway;
import dev.apigw.servlet.LocalServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak test of issue 15 (reference 7.3, 7.4, 9.5), bounded in time: 1,000 real WebSocket
 * clients ({@code java.net.http.WebSocket}) connected at once to the local server's WebSocket
 * endpoint, 100,000 messages in all through the two-way route {@code sendmessage} of {@code
 * echo-websocket.yaml}, whose Java function ({@link SoakEchoHandler}) echoes each one: every
 * message comes back once, to its own client; then every client closes, {@code $disconnect} runs
 * 1,000 times, and neither the connection store nor the gateway holds a connection. The load runs
 * twice on the same server, and the heap used after a full GC must not grow from the first round to
 * the second by more than {@link #HEAP_MARGIN_BYTES} ("memory flat after disconnects").
 *
 * <p>The server is the local server's own parts ({@link LocalServer}, {@link
 * WebSocketEndpointServlet}, {@link ManageConnectionsServlet}, the account built as {@code
 * WebSocketServing} builds it) around a gateway whose {@link RecordingConnectionStore} the test
 * holds. Clients connect at {@link #CONNECTS_PER_SECOND} (under the account's 500 new connections
 * per second), each with at most {@link #WINDOW} messages unanswered. 1,000 clients and their
 * server sides take about 2,000 file descriptors: the JVM raises its soft limit to the hard one on
 * start, and the test checks that it allows them before it starts.
 */
class WebSocketSoakTest {
    private static final Path TEMPLATE =
            Path.of("src/test/resources/websocket/echo-websocket.yaml");
    private static final int CLIENTS = 1_000;
    private static final int MESSAGES = 100_000;
    private static final int WINDOW = 4;
    private static final int CONNECTS_PER_SECOND = 400;
    private static final int CONNECTS_PER_TICK = CONNECTS_PER_SECOND / 10;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(45);

    /**
     * The account's request limit (reference 9.4), far above the soak's rate: what is soaked is
     * delivery and memory, not throttling (10,000 requests a second by default).
     */
    private static final ThrottleSettings UNTHROTTLED =
            new ThrottleSettings(Integer.MAX_VALUE, Integer.MAX_VALUE);

    /**
     * How much the heap used after GC may grow from round 1 to round 2: 4 MiB, about 4 KB for each
     * connection of a round, less than one leaked Jetty session or connection record each (the
     * growth measured on the shared 2 cores: about 0.15 MB).
     */
    private static final long HEAP_MARGIN_BYTES = 4L * 1024 * 1024;

    private final SoakEchoHandler handler = new SoakEchoHandler();
    private final RecordingConnectionStore store = new RecordingConnectionStore();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private WebSocketGateway gateway;
    private LocalServer server;
    private URI stageUrl;

    @BeforeEach
    void start() {
        ServerOptions options =
                ServerOptions.parse(List.of("--template", TEMPLATE.toString(), "--port", "0"));
        GatewayDefinition definition = TemplateAssembly.importTemplate(TEMPLATE, options);
        Gateway account =
                Gateway.builder()
                        .accountThrottle(UNTHROTTLED)
                        .meterRegistry(LocalServerMain.metricsRegistry())
                        .accessLog(new AccessLogPrinter(line -> {}))
                        .build();
        gateway =
                WebSocketGateway.builder()
                        .gateway(account)
                        .webSocketApi(definition.webSocketApi("EchoWs"))
                        .stage("test")
                        .lambda("WsFunction", LambdaHandlers.requestHandler(handler))
                        .connectionStore(store)
                        .build();
        server = LocalServer.create("127.0.0.1", 0).open();
        server.serve("/test", new WebSocketEndpointServlet(gateway));
        server.serve("/*", new ManageConnectionsServlet(gateway, false));
        server.start();
        stageUrl = URI.create(WebSocketServing.stageUrl(server.baseUrl(), "test"));
    }

    @AfterEach
    void stop() {
        pacer.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void thousandClients_hundredThousandMessages_allDeliveredAndMemoryFlatAfterDisconnects()
            throws Exception {
        assertThat(maxFileDescriptors())
                .as("open files allowed (ulimit -n): 1,000 clients and their server sides")
                .isGreaterThanOrEqualTo(2L * CLIENTS + 500);

        round(1);
        long afterFirst = usedHeapAfterGc();
        round(2);
        long afterSecond = usedHeapAfterGc();
        System.out.printf(
                "soak: heap used after GC %,d B after round 1, %,d B after round 2%n",
                afterFirst, afterSecond);

        assertThat(afterSecond - afterFirst)
                .as(
                        "heap used after GC grew from %,d B after round 1 to %,d B after round 2",
                        afterFirst, afterSecond)
                .isLessThanOrEqualTo(HEAP_MARGIN_BYTES);
        assertThat(handler.connects()).isEqualTo(2L * CLIENTS);
        assertThat(handler.messages()).isEqualTo(2L * MESSAGES);
    }

    /** Connects every client, sends every message, checks the echoes, disconnects everyone. */
    private void round(int round) throws Exception {
        CountDownLatch delivered = new CountDownLatch(MESSAGES);
        AtomicInteger wrong = new AtomicInteger();
        long started = System.nanoTime();
        List<SoakClient> clients = connectAll(delivered, wrong);
        long connected = System.nanoTime();
        assertThat(gateway.openConnections()).isEqualTo(CLIENTS);

        clients.forEach(client -> client.start(WINDOW));
        boolean all = delivered.await(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(all)
                .as(
                        "round %d: %,d of %,d messages echoed within %s",
                        round, MESSAGES - delivered.getCount(), MESSAGES, STEP_TIMEOUT)
                .isTrue();
        long echoed = System.nanoTime();
        assertThat(wrong.get())
                .as("round %d: echoes lost, duplicated or misrouted", round)
                .isZero();
        assertThat(clients).allSatisfy(c -> assertThat(c.received()).isEqualTo(MESSAGES / CLIENTS));

        List<CompletableFuture<Integer>> closes = new ArrayList<>();
        clients.forEach(client -> closes.add(client.close()));
        CompletableFuture.allOf(closes.toArray(new CompletableFuture<?>[0]))
                .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(closes).allSatisfy(code -> assertThat(code.join()).isEqualTo(1000));
        long disconnects = handler.awaitDisconnects((long) round * CLIENTS, STEP_TIMEOUT);

        assertThat(disconnects)
                .as("round %d: $disconnect runs within %s", round, STEP_TIMEOUT)
                .isEqualTo((long) round * CLIENTS);
        assertThat(gateway.openConnections()).as("the gateway's open connections").isZero();
        List<String> accepted = store.drainAccepted();
        assertThat(accepted).hasSize(CLIENTS).doesNotHaveDuplicates();
        assertThat(accepted).allSatisfy(id -> assertThat(store.get(id)).isEmpty());
        System.out.printf(
                "soak round %d: %,d clients connected in %d ms, %,d messages echoed in %d ms,"
                        + " all disconnected in %d ms%n",
                round,
                CLIENTS,
                (connected - started) / 1_000_000,
                MESSAGES,
                (echoed - connected) / 1_000_000,
                (System.nanoTime() - echoed) / 1_000_000);
    }

    /**
     * Connects {@link #CLIENTS} clients, {@link #CONNECTS_PER_TICK} every 100 ms, and waits for all
     * upgrades.
     */
    private List<SoakClient> connectAll(CountDownLatch delivered, AtomicInteger wrong)
            throws Exception {
        int perClient = MESSAGES / CLIENTS;
        List<CompletableFuture<SoakClient>> connecting = new ArrayList<>();
        CompletableFuture<Void> allStarted = new CompletableFuture<>();
        var ticks =
                pacer.scheduleAtFixedRate(
                        () -> {
                            synchronized (connecting) {
                                for (int i = 0;
                                        i < CONNECTS_PER_TICK && connecting.size() < CLIENTS;
                                        i++) {
                                    connecting.add(
                                            SoakClient.connect(
                                                    http,
                                                    stageUrl,
                                                    connecting.size(),
                                                    perClient,
                                                    delivered,
                                                    wrong));
                                }
                                if (connecting.size() == CLIENTS) {
                                    allStarted.complete(null);
                                }
                            }
                        },
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
        try {
            allStarted.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            ticks.cancel(false);
        }
        List<SoakClient> clients = new ArrayList<>();
        synchronized (connecting) {
            CompletableFuture.allOf(connecting.toArray(new CompletableFuture<?>[0]))
                    .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            connecting.forEach(c -> clients.add(c.join()));
        }
        return clients;
    }

    /** The heap used after a full collection: the least of a few tries. */
    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static long maxFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : Long.MAX_VALUE;
    }
}
