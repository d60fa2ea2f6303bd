package dev.apigw.runtime.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP integration URI parsed once when the API is built (reference 4.2 and 1.5): literal text,
 * {@code {name}} placeholders filled from {@code integration.request.path.name} mappings, and
 * {@code ${stageVariables.x}} or {@code ${stageVariables['x']}} resolved per request. A placeholder
 * without a value stays as written, which makes the URI invalid, as on AWS ("Illegal character in
 * path" when {@code {proxy}} is not mapped).
 */
public final class UriTemplate {
    private static final Pattern TOKEN =
            Pattern.compile(
                    "\\$\\{stageVariables(?:\\.([A-Za-z0-9_]+)|\\['([A-Za-z0-9_]+)'\\])\\}"
                            + "|\\{([a-zA-Z0-9._$-]+)\\}");

    private enum Kind {
        LITERAL,
        PLACEHOLDER,
        STAGE_VARIABLE
    }

    private record Part(Kind kind, String text) {}

    private final List<Part> parts = new ArrayList<>();

    private UriTemplate(String uri) {
        Matcher m = TOKEN.matcher(uri);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                parts.add(new Part(Kind.LITERAL, uri.substring(end, m.start())));
            }
            if (m.group(3) != null) {
                parts.add(new Part(Kind.PLACEHOLDER, m.group(3)));
            } else {
                parts.add(
                        new Part(
                                Kind.STAGE_VARIABLE, m.group(1) != null ? m.group(1) : m.group(2)));
            }
            end = m.end();
        }
        if (end < uri.length()) {
            parts.add(new Part(Kind.LITERAL, uri.substring(end)));
        }
    }

    /** Parses an integration URI. */
    public static UriTemplate parse(String uri) {
        return new UriTemplate(uri);
    }

    /**
     * Returns the URI with placeholders and stage variables filled; empty when a stage variable it
     * uses is not defined.
     *
     * @param pathValues placeholder values, not yet encoded
     * @param stageVariables the stage's variables
     */
    public Optional<String> expand(
            Map<String, String> pathValues, Map<String, String> stageVariables) {
        StringBuilder out = new StringBuilder(64);
        for (Part part : parts) {
            switch (part.kind()) {
                case LITERAL:
                    out.append(part.text());
                    break;
                case PLACEHOLDER:
                    String value = pathValues.get(part.text());
                    out.append(
                            value == null ? "{" + part.text() + "}" : UriEncoding.pathValue(value));
                    break;
                default:
                    String variable = stageVariables.get(part.text());
                    if (variable == null) {
                        return Optional.empty();
                    }
                    out.append(variable);
                    break;
            }
        }
        return Optional.of(out.toString());
    }
}
