package dev.apigw.runtime.pipeline;

import dev.apigw.model.AccessLogSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A stage's access-log format compiled once, when the API is built (reference 10.3): its text cut
 * into literal parts and {@code $context} variables, each rendered through a registry of {@code
 * $context} variables; a variable that is unset or unknown renders {@code -}. The format must name
 * {@code $context.requestId} or {@code $context.extendedRequestId} (reference 10.3) and hold at
 * most {@link #MAX_LENGTH} characters; a variable name is {@code $context.} followed by
 * dot-separated segments of letters, digits and {@code _}, so {@code $context.status,} or {@code
 * $context.requestId.} end before the punctuation. Immutable and thread-safe. Internal.
 *
 * <p>Differs from AWS: AWS's limit for a REST API's format is not documented; the 3 KB of an HTTP
 * API's access-log template applies here (reference 9.5). Unknown variables render {@code -} rather
 * than failing (unconfirmed).
 */
public final class AccessLogFormat {
    /** The most characters of a format (the HTTP API limit, reference 9.5). */
    public static final int MAX_LENGTH = 3 * 1024;

    /** What an unset variable renders as (reference 10.3, unconfirmed). */
    public static final String UNSET = "-";

    private static final String PREFIX = "$context.";

    private final String destinationArn;
    private final String[] literals;
    private final String[] variables;
    private final ContextVariables registry;

    private AccessLogFormat(
            String destinationArn,
            List<String> literals,
            List<String> variables,
            ContextVariables registry) {
        this.destinationArn = destinationArn;
        this.literals = literals.toArray(new String[0]);
        this.variables = variables.toArray(new String[0]);
        this.registry = registry;
    }

    /**
     * Compiles a stage's access-log settings; fails with {@link IllegalArgumentException} naming
     * the stage when the format is longer than {@link #MAX_LENGTH} or names neither {@code
     * $context.requestId} nor {@code $context.extendedRequestId}.
     *
     * @param stageName the stage, for messages
     * @param settings the stage's access-log settings
     * @param registry the {@code $context} variables of access logs
     */
    public static AccessLogFormat compile(
            String stageName, AccessLogSettings settings, ContextVariables registry) {
        Objects.requireNonNull(registry, "registry");
        String format = settings.format();
        if (format.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "stage "
                            + stageName
                            + ": accessLogSettings format is "
                            + format.length()
                            + " characters, more than "
                            + MAX_LENGTH);
        }
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            int end = format.startsWith(PREFIX, i) ? nameEnd(format, i + PREFIX.length()) : -1;
            if (end < 0) {
                literal.append(format.charAt(i++));
                continue;
            }
            literals.add(literal.toString());
            literal.setLength(0);
            variables.add(format.substring(i + PREFIX.length(), end));
            i = end;
        }
        literals.add(literal.toString());
        if (!variables.contains("requestId") && !variables.contains("extendedRequestId")) {
            throw new IllegalArgumentException(
                    "stage "
                            + stageName
                            + ": accessLogSettings format must contain $context.requestId"
                            + " or $context.extendedRequestId");
        }
        return new AccessLogFormat(settings.destinationArn(), literals, variables, registry);
    }

    /** Returns the end of a variable name starting at {@code start}, or -1 when there is none. */
    private static int nameEnd(String format, int start) {
        int end = segmentEnd(format, start);
        if (end == start) {
            return -1;
        }
        while (end + 1 < format.length() && format.charAt(end) == '.') {
            int next = segmentEnd(format, end + 1);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static int segmentEnd(String format, int start) {
        int i = start;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (!(c == '_'
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9'))) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Returns the stage's {@code accessLogSettings.destinationArn}. */
    public String destinationArn() {
        return destinationArn;
    }

    /** Returns the variable paths the format names, in order ({@code identity.sourceIp}). */
    public List<String> variables() {
        return List.of(variables);
    }

    /** Renders the line of one request, each unset or unknown variable as {@code -}. */
    public String render(Exchange exchange) {
        return render(path -> registry.value(exchange, path));
    }

    /**
     * Renders one line from {@code values}, which gives a variable's value by its path ({@code
     * identity.sourceIp}) or null when it is unset; each unset variable renders {@code -}. For
     * events that are no exchange (a WebSocket API's, reference 1.2).
     */
    public String render(Function<String, String> values) {
        StringBuilder line = new StringBuilder(literals.length * 16);
        for (int i = 0; i < variables.length; i++) {
            line.append(literals[i]);
            String value = values.apply(variables[i]);
            line.append(value == null ? UNSET : value);
        }
        return line.append(literals[variables.length]).toString();
    }
}
