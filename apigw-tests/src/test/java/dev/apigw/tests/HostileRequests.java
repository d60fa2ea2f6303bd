package dev.apigw.tests;

import dev.apigw.runtime.Request;
import java.util.Random;

/**
 * Generates hostile requests from a seeded {@link Random}: odd methods, paths full of escapes,
 * control characters, doubled slashes and unicode, odd headers and bodies. For fuzz tests.
 */
final class HostileRequests {
    private static final String[] METHODS = {
        "GET",
        "POST",
        "PUT",
        "DELETE",
        "PATCH",
        "HEAD",
        "OPTIONS",
        "ANY",
        "get",
        "",
        "TRACE",
        "CONNECT",
        "X-CUSTOM",
        "G E T",
        "\u0000"
    };
    private static final String[] SEGMENTS = {
        "dev",
        "dev",
        "dev",
        "prod",
        "",
        "%",
        "%2",
        "%zz",
        "%2F",
        "%00",
        "..",
        ".",
        "a b",
        "{proxy+}",
        "{id}",
        "\u0001",
        "\r\n",
        "é",
        "\ud83d\ude00",
        "\ud800",
        "?",
        "#",
        ";",
        "*",
        "$context.requestId",
        "#set($x=1)",
        "\"",
        "\\",
        "pets"
    };
    private static final String[] HEADER_NAMES = {
        "Content-Type",
        "Accept",
        "x-api-key",
        "X-API-Key",
        "Host",
        "Content-Length",
        "Transfer-Encoding",
        "X-Amzn-Trace-Id",
        "x-amzn-RequestId",
        "",
        " ",
        "Bad Name",
        "X:Y",
        "Ünicode",
        "X-Custom"
    };
    private static final String[] HEADER_VALUES = {
        "",
        "application/json",
        "text/plain",
        "*/*",
        "a\r\nb",
        "\u0000",
        "\t",
        "é",
        "Root=1-abc",
        "-1",
        "99999999999999999999",
        "application/json; charset=utf-8",
        ";;;",
        "\ud83d\ude00",
        "\u007f"
    };

    private HostileRequests() {}

    /** Returns the next hostile request. */
    static Request next(Random random) {
        Request.Builder request =
                Request.builder()
                        .httpMethod(pick(random, METHODS))
                        .path(path(random))
                        .rawQueryString(random.nextInt(3) == 0 ? "" : text(random, 12));
        int headers = random.nextInt(6);
        for (int i = 0; i < headers; i++) {
            request.header(
                    random.nextInt(4) == 0 ? text(random, 8) : pick(random, HEADER_NAMES),
                    random.nextInt(3) == 0 ? text(random, 20) : pick(random, HEADER_VALUES));
        }
        if (random.nextBoolean()) {
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            request.body(body);
        }
        return request.build();
    }

    private static String path(Random random) {
        StringBuilder path = new StringBuilder();
        int segments = random.nextInt(6);
        if (random.nextInt(10) > 0) {
            path.append('/');
        }
        for (int i = 0; i < segments; i++) {
            path.append(random.nextInt(4) == 0 ? text(random, 6) : pick(random, SEGMENTS));
            path.append(random.nextInt(5) == 0 ? "//" : "/");
        }
        return path.toString();
    }

    /** Returns up to {@code max} characters from the whole char range, ASCII-biased. */
    private static String text(Random random, int max) {
        int length = random.nextInt(max + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(
                    random.nextInt(4) == 0
                            ? (char) random.nextInt(0x10000)
                            : (char) random.nextInt(0x80));
        }
        return s.toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
