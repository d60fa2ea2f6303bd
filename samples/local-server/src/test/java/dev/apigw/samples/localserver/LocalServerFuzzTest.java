package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.samples.localserver.demo.DemoApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded fuzzing of the local server over raw sockets: hostile paths, headers, bodies and chunking,
 * malformed on purpose, against the demo API served by a real {@code LocalServer} on a free port
 * (execution log at ERROR, to a sink). Every answer must be a well-formed gateway response: a
 * status line, {@code x-amzn-RequestId}, a JSON body (with {@code message} when {@code
 * x-amzn-ErrorType} says the gateway answered an error, reference 3.1, 10.6); afterwards the server
 * must answer a normal request. Four clients send a quarter each, every client with its own
 * generator derived from the seed, so each client's requests are the same every run. The seed is in
 * the display name; another one can be given with {@code -Dapigw.fuzz.seed=N}.
 */
class LocalServerFuzzTest {
    private static final int REQUESTS = 10_000;
    private static final int CLIENTS = 4;
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ROUTES = {
        "/dev/health",
        "/dev/pets",
        "/dev/pets/7",
        "/dev/pets/7/price?currency=EUR",
        "/dev/echo/a%2Fb",
        "/dev/backend/x?y=1",
        "/health",
        "/dev/nowhere",
        "/",
        "/dev"
    };
    private static final String[] METHODS = {
        "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO", "get"
    };

    private static RunningServer running;

    @BeforeAll
    static void start() {
        running =
                LocalServerMain.launch(
                        ServerOptions.parse(List.of("--port", "0")),
                        line -> {},
                        new PrintStream(
                                OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static Stream<Long> seeds() {
        return Stream.of(Long.getLong("apigw.fuzz.seed", 20261204L));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fuzz_hostileRequests_everyAnswerIsAGatewayResponseAndTheServerKeepsServing(long seed)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Map<String, Integer>>> runs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(seed * 31 + c);
            String client = "client " + c + " of seed " + seed;
            runs.add(clients.submit(() -> fuzz(random, REQUESTS / CLIENTS, client)));
        }
        Map<String, Integer> statuses = new TreeMap<>();
        try {
            for (Future<Map<String, Integer>> run : runs) {
                run.get().forEach((status, n) -> statuses.merge(status, n, Integer::sum));
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
        } finally {
            clients.shutdownNow();
        }
        List<Answer> normal =
                exchange(
                        ("GET /dev/health HTTP/1.1\r\nHost: fuzz\r\n" + "Connection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
        assertThat(normal).hasSize(1);
        assertThat(normal.get(0).status).isEqualTo(200);
        assertThat(JSON.readTree(normal.get(0).body).get("status").asText()).isEqualTo("ok");
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum())
                .isGreaterThanOrEqualTo(REQUESTS);
        assertThat(statuses)
                .as("a mix of answers")
                .containsKeys("200", "400", "403", "413")
                .doesNotContainKey("500");
    }

    /** Sends {@code count} requests from one client; returns how many answers had each status. */
    private static Map<String, Integer> fuzz(Random random, int count, String client)
            throws IOException {
        Map<String, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            byte[] request = request(random);
            List<Answer> answers = exchange(request);
            String where = client + ", request " + i;
            assertThat(answers).as("answers to %s: %s", where, printable(request)).isNotEmpty();
            for (Answer answer : answers) {
                assertWellFormed(answer, where, request);
                statuses.merge(answer.status + "", 1, Integer::sum);
            }
        }
        return statuses;
    }

    private static void assertWellFormed(Answer answer, String client, byte[] request)
            throws IOException {
        String where = "answer to " + client + ": " + printable(request) + "\n=> " + answer.head;
        assertThat(answer.statusLine).as(where).matches("HTTP/1\\.1 [1-5]\\d\\d .*");
        assertThat(answer.header("x-amzn-RequestId")).as(where).isNotBlank();
        if (answer.body.length == 0) {
            assertThat(answer.status).as(where).isIn(204, 304);
            return;
        }
        JsonNode body = JSON.readTree(answer.body);
        assertThat(body)
                .as(where + " body " + new String(answer.body, StandardCharsets.UTF_8))
                .isNotNull();
        if (answer.header("x-amzn-ErrorType") != null) {
            assertThat(body.path("message").isTextual()).as(where).isTrue();
        }
    }

    /** Sends one request on a new connection, half-closes, and parses all that comes back. */
    private static List<Answer> exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", running.server().port())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return Answer.parseAll(in.readAllBytes());
        }
    }

    private static byte[] request(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String method = METHODS[random.nextInt(METHODS.length)];
        String target = ROUTES[random.nextInt(ROUTES.length)];
        int kind = random.nextInt(12);
        if (kind == 0) {
            target = hostilePath(random);
        }
        write(out, kind == 1 ? garbageLine(random) : method + " " + target + " HTTP/1.1");
        write(out, "\r\n");
        if (random.nextInt(20) != 0) {
            write(out, "Host: fuzz.example\r\n");
        }
        if (random.nextBoolean()) {
            write(out, "x-api-key: " + (random.nextBoolean() ? DemoApi.API_KEY : "wrong") + "\r\n");
        }
        if (kind == 2) {
            out.writeBytes(hostileHeader(random));
        }
        byte[] body = body(random);
        int framing = kind == 3 ? random.nextInt(6) : random.nextInt(2);
        switch (framing) {
            case 0 ->
                    write(
                            out,
                            "Content-Type: application/json\r\nContent-Length: "
                                    + body.length
                                    + "\r\n\r\n");
            case 1 -> {
                write(out, "Transfer-Encoding: chunked\r\n\r\n");
                body = chunked(body, random);
            }
            case 2 ->
                    write(
                            out,
                            "Content-Length: "
                                    + (body.length + 1 + random.nextInt(5))
                                    + "\r\n\r\n");
            case 3 ->
                    write(
                            out,
                            "Content-Length: "
                                    + pick(
                                            random,
                                            "-1",
                                            "abc",
                                            "1e3",
                                            "",
                                            " 5",
                                            "99999999999999999999")
                                    + "\r\n\r\n");
            case 4 ->
                    write(
                            out,
                            "Content-Length: "
                                    + body.length
                                    + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            default -> {
                write(out, "Transfer-Encoding: chunked\r\n\r\n");
                body = brokenChunks(body, random);
            }
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static String hostilePath(Random random) {
        String[] parts = {
            "/dev/health/..",
            "/dev//pets",
            "/dev/%zz",
            "/dev/%",
            "/dev/a b",
            "/dev/\u0001",
            "*",
            "dev/health",
            "http://x/dev/health",
            "/dev/pets/%00",
            "/dev/\u00e9\u20ac",
            "/dev/" + "a".repeat(10_300),
            "/dev/pets/" + "7".repeat(9_000),
            "/dev/pets?" + "q=1&".repeat(2_600),
            "/%2e%2e/dev/health",
            "/dev/echo/%2F%2F",
            "/dev/pets/7/price?currency=%ff%fe",
            "/dev/health#frag",
            "/dev/health?\u0007"
        };
        return parts[random.nextInt(parts.length)];
    }

    private static String garbageLine(Random random) {
        return pick(
                random,
                "GARBAGE",
                "GET",
                "GET /dev/health",
                "GET /dev/health HTTP/9.9",
                "GET /dev/health HTTP/1.1 extra",
                "\u0000\u0001\u0002",
                " GET /dev/health HTTP/1.1",
                "GET  /dev/health  HTTP/1.1",
                "GET /dev/health HTTP/1.0");
    }

    private static byte[] hostileHeader(Random random) {
        String header =
                switch (random.nextInt(10)) {
                    case 0 -> "No colon here\r\n";
                    case 1 -> "X-Space : before-colon\r\n";
                    case 2 -> "X-Ctl: a\u0001b\r\n";
                    case 3 -> "X-Folded: a\r\n b\r\n";
                    case 4 -> "X-Big: " + "b".repeat(9_000 + random.nextInt(60_000)) + "\r\n";
                    case 5 -> "X-Many: 1\r\n".repeat(400 + random.nextInt(1_200));
                    case 6 -> "Host: second.example\r\n";
                    case 7 -> ": no-name\r\n";
                    case 8 -> "X-Bin: \u00ff\u00fe\u0080\r\n";
                    default -> "Authorization: Bearer " + "t".repeat(random.nextInt(200)) + "\r\n";
                };
        return header.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] body(Random random) {
        switch (random.nextInt(5)) {
            case 0:
                return new byte[0];
            case 1:
                return "{\"type\": \"dog\", \"price\": 5}".getBytes(StandardCharsets.UTF_8);
            case 2:
                return pick(
                                random,
                                "{",
                                "{\"price\": 1e400}",
                                "[1,2",
                                "null",
                                "\"x\"",
                                "{\"type\": \"lizard\"}")
                        .getBytes(StandardCharsets.UTF_8);
            default:
                byte[] bytes = new byte[random.nextInt(random.nextBoolean() ? 64 : 4_096)];
                random.nextBytes(bytes);
                return bytes;
        }
    }

    private static byte[] chunked(byte[] body, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int n = Math.min(body.length - at, 1 + random.nextInt(4_096));
            write(out, Integer.toHexString(n) + (random.nextInt(8) == 0 ? ";ext=1" : "") + "\r\n");
            out.write(body, at, n);
            write(out, "\r\n");
            at += n;
        }
        write(out, "0\r\n\r\n");
        return out.toByteArray();
    }

    private static byte[] brokenChunks(byte[] body, Random random) {
        String chunk =
                switch (random.nextInt(6)) {
                    case 0 -> "ZZ\r\nxx\r\n0\r\n\r\n";
                    case 1 -> "3\r\nabcX\r\n0\r\n\r\n";
                    case 2 -> "-1\r\nx\r\n0\r\n\r\n";
                    case 3 -> "ffffffffffffffffff\r\nx\r\n0\r\n\r\n";
                    case 4 -> "5\r\nab";
                    default -> "2\r\nab\r\n";
                };
        return chunk.getBytes(StandardCharsets.US_ASCII);
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String printable(byte[] request) {
        String text =
                new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** One HTTP/1.1 response as read off the wire. */
    private static final class Answer {
        final String head;
        final String statusLine;
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];

        private Answer(String head) {
            this.head = head;
            String[] lines = head.split("\r\n");
            statusLine = lines[0];
            int space = statusLine.indexOf(' ');
            int code;
            try {
                code =
                        Integer.parseInt(
                                statusLine.substring(
                                        space + 1, Math.min(statusLine.length(), space + 4)));
            } catch (RuntimeException e) {
                code = -1;
            }
            status = code;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Parses consecutive responses framed by Content-Length; the rest is one answer. */
        static List<Answer> parseAll(byte[] bytes) {
            List<Answer> answers = new ArrayList<>();
            int at = 0;
            while (at < bytes.length) {
                int end = indexOf(bytes, at);
                if (end < 0) {
                    answers.add(
                            new Answer(
                                    new String(
                                            bytes,
                                            at,
                                            bytes.length - at,
                                            StandardCharsets.ISO_8859_1)));
                    break;
                }
                Answer answer =
                        new Answer(new String(bytes, at, end - at, StandardCharsets.ISO_8859_1));
                int bodyStart = end + 4;
                String length = answer.header("Content-Length");
                int n =
                        length == null
                                ? bytes.length - bodyStart
                                : Math.min(Integer.parseInt(length), bytes.length - bodyStart);
                answer.body = java.util.Arrays.copyOfRange(bytes, bodyStart, bodyStart + n);
                answers.add(answer);
                at = bodyStart + n;
            }
            return answers;
        }

        private static int indexOf(byte[] bytes, int from) {
            for (int i = from; i + 3 < bytes.length; i++) {
                if (bytes[i] == '\r'
                        && bytes[i + 1] == '\n'
                        && bytes[i + 2] == '\r'
                        && bytes[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
