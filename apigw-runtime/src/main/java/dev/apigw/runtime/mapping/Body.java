package dev.apigw.runtime.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The payload a template reads through {@code $input} (reference 1.3): the request body in a
 * request template, the integration response body (for a Lambda error, the error payload) in a
 * response template. Its text is {@code {}} when the payload is empty; its JSON is parsed on first
 * use only, at most once. Belongs to one request: not thread-safe.
 */
public final class Body {
    private static final String EMPTY = "{}";

    private final String text;
    private final Supplier<Optional<JsonDocument>> parser;
    private JsonDocument json;
    private boolean parsed;

    private Body(String text, Supplier<Optional<JsonDocument>> parser) {
        this.text = text;
        this.parser = parser;
    }

    /** Returns the body of this text, parsed when a template first asks for its JSON. */
    public static Body of(String text) {
        Objects.requireNonNull(text);
        return text.isEmpty() ? empty() : new Body(text, () -> JsonDocument.parse(text));
    }

    /**
     * Returns the body of this text whose JSON someone else parses at most once (the request's own
     * payload, or the integration response's bytes): {@code json} gives the parsed document, or
     * empty when the text is not JSON.
     */
    public static Body of(String text, Supplier<Optional<JsonDocument>> json) {
        Objects.requireNonNull(text);
        Objects.requireNonNull(json);
        return text.isEmpty() ? empty() : new Body(text, json);
    }

    private static Body empty() {
        return new Body(EMPTY, () -> JsonDocument.parse(EMPTY));
    }

    /** Returns the text: {@code $input.body}. */
    public String text() {
        return text;
    }

    /**
     * Returns the body parsed as JSON (shared: do not change it); throws {@link
     * BodyNotJsonException} when it is not JSON.
     */
    Object json() {
        if (!parsed) {
            json = parser.get().orElse(null);
            parsed = true;
        }
        if (json == null) {
            throw new BodyNotJsonException(reason(text));
        }
        return json.root();
    }

    /** Returns Jackson's reason why the text is not JSON; only on the failure path. */
    private static String reason(String text) {
        try {
            JsonDocument.parseOrThrow(text);
            return "No content to map due to end-of-input";
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
