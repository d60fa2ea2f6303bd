package dev.apigw.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The command line of {@link WebSocketLoad}: {@code URL --clients N --messages M [--payload BYTES]
 * [--window W] [--warmup M] [--timeout SECONDS] [--connect-rate PER_SECOND]}.
 *
 * @param url the WebSocket URL, {@code ws://HOST:PORT/STAGE}
 * @param clients how many connections send at once
 * @param messages how many messages are measured, shared among the clients
 * @param payload the length of each message in bytes (at least the JSON around the number)
 * @param window how many messages each client may have sent and not had answered
 * @param warmup how many messages are sent first on the same connections and not measured
 * @param timeout how long the whole run may take; past it the run fails
 * @param connectRate how many connections are opened per second at most (reference 9.5: 500 new
 *     connections per second per account)
 */
record WebSocketLoadOptions(
        URI url,
        int clients,
        int messages,
        int payload,
        int window,
        int warmup,
        Duration timeout,
        int connectRate) {
    static final String USAGE =
            String.join(
                    "\n",
                    "usage: java -cp benchmarks.jar dev.apigw.benchmarks.WebSocketLoad"
                            + " ws://HOST:PORT/STAGE --clients N --messages M [options]",
                    "  --clients N             connections sending at once (required)",
                    "  --messages M            messages measured, shared among the clients (required)",
                    "  --payload BYTES         length of each message (default 64)",
                    "  --window W              messages each client may have unanswered (default 1)",
                    "  --warmup M              messages sent first, not measured (default 0)",
                    "  --timeout SECONDS       the whole run's limit; past it, exit 1 (default 120)",
                    "  --connect-rate N        new connections per second at most (default 400)",
                    "Each message is {\"action\":\"sendmessage\",\"n\":N,\"p\":\"...\"}; the server"
                            + " must send it back unchanged.",
                    "Exit status: 0 all answered, 1 messages lost, wrong, throttled or late, 2 bad"
                            + " usage.");

    WebSocketLoadOptions {
        if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
            throw new IllegalArgumentException("not a WebSocket URL: " + url);
        }
        if (clients < 1 || messages < clients || window < 1 || warmup < 0 || connectRate < 1) {
            throw new IllegalArgumentException(
                    "--clients, --window and --connect-rate must be at least 1, --messages at"
                            + " least --clients, --warmup at least 0");
        }
    }

    /** Parses the command line; fails with an {@link IllegalArgumentException} saying why. */
    static WebSocketLoadOptions parse(List<String> args) {
        URI url = null;
        int clients = 0;
        int messages = 0;
        int payload = 64;
        int window = 1;
        int warmup = 0;
        int timeout = 120;
        int connectRate = 400;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (url != null) {
                    throw new IllegalArgumentException("one URL only: " + arg);
                }
                url = URI.create(arg);
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            int value = number(arg, args.get(++i));
            switch (arg) {
                case "--clients" -> clients = value;
                case "--messages" -> messages = value;
                case "--payload" -> payload = value;
                case "--window" -> window = value;
                case "--warmup" -> warmup = value;
                case "--timeout" -> timeout = value;
                case "--connect-rate" -> connectRate = value;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("the WebSocket URL is missing");
        }
        if (clients == 0 || messages == 0) {
            throw new IllegalArgumentException("--clients and --messages are required");
        }
        return new WebSocketLoadOptions(
                url,
                clients,
                messages,
                payload,
                window,
                warmup,
                Duration.ofSeconds(timeout),
                connectRate);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value);
        }
    }
}
