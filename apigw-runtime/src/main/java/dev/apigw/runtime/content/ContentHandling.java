package dev.apigw.runtime.content;

import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.pipeline.Exchange;
import dev.apigw.runtime.pipeline.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text and binary conversions of a non-proxy integration, as set by the {@code contentHandling}
 * of an {@code Integration} (request side) or of an {@code IntegrationResponse} (response side),
 * reference 6.3 "Binary support and {@code contentHandling}" (the AWS page "Content type
 * conversions in API Gateway").
 *
 * <p>A payload is binary when its content type matches {@code binaryMediaTypes}; the caller decides
 * that with {@link MediaTypes#isBinary}. Converting text to binary always assumes the text is
 * base64 and decodes it; converting binary to text always base64-encodes it. A binary result cannot
 * go through a mapping template: {@link Content#binary()} tells the caller.
 *
 * <p>Base64 is the basic alphabet of RFC 4648 (no line breaks, padding optional), the decoder the
 * Lambda proxy response uses too; text that is not base64 gives an empty result, which the caller
 * answers with 500 (API_CONFIGURATION_ERROR). An empty payload stays empty text whatever the
 * strategy: there is nothing to convert (our choice; reference 6.3 is silent).
 */
public final class ContentHandling {
    private static final ContentHandling UNSET = new ContentHandling(null);

    /** Null when the definition leaves {@code contentHandling} unset. */
    private final ContentHandlingStrategy strategy;

    private ContentHandling(ContentHandlingStrategy strategy) {
        this.strategy = strategy;
    }

    /** Returns the handling of an unset {@code contentHandling}. */
    static ContentHandling unset() {
        return UNSET;
    }

    /** Returns the handling of a {@code contentHandling} strategy. */
    static ContentHandling of(ContentHandlingStrategy strategy) {
        return new ContentHandling(Objects.requireNonNull(strategy));
    }

    /** Returns the request-side handling of an integration. */
    static ContentHandling of(Integration integration) {
        return integration.contentHandling().map(ContentHandling::of).orElse(UNSET);
    }

    /** Returns the response-side handling of an integration response. */
    static ContentHandling of(IntegrationResponse response) {
        return response.contentHandling().map(ContentHandling::of).orElse(UNSET);
    }

    /**
     * Converts a method request payload into the integration request payload (reference 6.3, first
     * table): unset keeps the payload as it is (text stays text, binary stays binary); {@code
     * CONVERT_TO_BINARY} base64-decodes text and keeps binary; {@code CONVERT_TO_TEXT} keeps text
     * and base64-encodes binary. Empty when text to decode is not base64.
     *
     * @param body the method request payload
     * @param binary whether the request's Content-Type matches {@code binaryMediaTypes}
     */
    Optional<Content> request(byte[] body, boolean binary) {
        return convert(body, binary, strategy == null ? kind(binary) : strategy);
    }

    /**
     * Converts an integration response payload into the method response payload (reference 6.3,
     * second table): unset converts to the kind of the request's first {@code Accept} type (binary
     * when it matches {@code binaryMediaTypes}, so text is base64-decoded for a binary Accept type
     * and binary is base64-encoded for a text one); a strategy converts to its kind whatever the
     * Accept type. Empty when text to decode is not base64.
     *
     * @param body the integration response payload
     * @param binary whether the integration response's Content-Type matches {@code
     *     binaryMediaTypes}
     * @param binaryAccepted whether the request's first Accept type matches {@code
     *     binaryMediaTypes}
     */
    Optional<Content> response(byte[] body, boolean binary, boolean binaryAccepted) {
        return convert(body, binary, strategy == null ? kind(binaryAccepted) : strategy);
    }

    private static ContentHandlingStrategy kind(boolean binary) {
        return binary
                ? ContentHandlingStrategy.CONVERT_TO_BINARY
                : ContentHandlingStrategy.CONVERT_TO_TEXT;
    }

    private static Optional<Content> convert(
            byte[] body, boolean binary, ContentHandlingStrategy target) {
        if (body.length == 0) {
            return Optional.of(new Content(body, false));
        }
        if (target == ContentHandlingStrategy.CONVERT_TO_TEXT) {
            return Optional.of(
                    new Content(binary ? Base64.getEncoder().encode(body) : body, false));
        }
        if (binary) {
            return Optional.of(new Content(body, true));
        }
        try {
            return Optional.of(new Content(Base64.getDecoder().decode(body), true));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the integration request payload of a non-proxy request: its body converted by the
     * integration's {@code contentHandling}, binary when its Content-Type (none counts as not
     * binary) matches {@code binaryMediaTypes}. Text that is not base64 is a configuration error
     * (500). With {@code contentHandling} unset, a text payload is UTF-8 text: every byte sequence
     * that is not valid UTF-8 becomes U+FFFD ({@code EF BF BD}) before it reaches the integration,
     * while a binary payload goes as sent (reference 6.3, "added" [V]).
     */
    public static Content requestPayload(Exchange exchange) {
        ContentHandling handling = of(exchange.method().integration());
        boolean binary = isBinaryRequest(exchange);
        byte[] body = exchange.request().body();
        if (handling.strategy == null && !binary && body.length > 0) {
            body = asUtf8Text(body, exchange.payload().text());
        }
        return handling.request(body, binary)
                .orElseThrow(() -> notBase64(exchange, "integration-request", handling));
    }

    /**
     * Returns the UTF-8 bytes of the payload's decoded text (in which the decoder replaced every
     * invalid sequence by U+FFFD), or the payload itself when they are the same.
     */
    private static byte[] asUtf8Text(byte[] body, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(utf8, body) ? body : utf8;
    }

    /**
     * Returns the text a request template reads ({@code $input.body}): text that no conversion
     * changes is the request's own decoded payload, shared with every other reader of it; anything
     * else goes through {@link #requestPayload} and {@link #templateInput}.
     */
    public static String requestTemplateInput(Exchange exchange) {
        ContentHandling handling = of(exchange.method().integration());
        if (!isBinaryRequest(exchange)
                && handling.strategy != ContentHandlingStrategy.CONVERT_TO_BINARY) {
            return exchange.payload().text();
        }
        return templateInput(exchange, requestPayload(exchange), "integration-request");
    }

    private static boolean isBinaryRequest(Exchange exchange) {
        return MediaTypes.isBinary(
                MediaTypes.mimeType(exchange.request().headers().first("Content-Type").orElse("")),
                binaryMediaTypes(exchange));
    }

    /**
     * Returns the method response payload of a non-proxy integration response: the endpoint's body
     * converted by the selected integration response's {@code contentHandling}, binary when the
     * endpoint's Content-Type matches {@code binaryMediaTypes}, towards the kind of the request's
     * first Accept type ({@code application/json} when there is none). Text that is not base64 is a
     * configuration error (500).
     */
    public static Content responsePayload(
            Exchange exchange, IntegrationResponse selected, Response endpoint, EndpointBody body) {
        List<String> binaryTypes = binaryMediaTypes(exchange);
        boolean binary =
                MediaTypes.isBinary(
                        MediaTypes.mimeType(endpoint.headers().first("Content-Type").orElse("")),
                        binaryTypes);
        boolean binaryAccepted =
                MediaTypes.isBinary(
                        MediaTypes.firstAccepted(
                                exchange.request()
                                        .headers()
                                        .first("Accept")
                                        .orElse(MediaTypes.JSON)),
                        binaryTypes);
        ContentHandling handling = of(selected);
        return handling.response(body.bytes(), binary, binaryAccepted)
                .orElseThrow(() -> notBase64(exchange, "integration-response", handling));
    }

    /**
     * Returns a converted payload as the text a mapping template reads ({@code $input.body}); a
     * binary payload cannot be mapped and is a configuration error (500, reference 6.3 [V]).
     */
    public static String templateInput(Exchange exchange, Content content, String traceStage) {
        if (content.binary()) {
            exchange.trace()
                    .add(
                            traceStage,
                            "Execution failed due to configuration error:"
                                    + " a binary payload cannot be transformed by a mapping template");
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        return new String(content.bytes(), StandardCharsets.UTF_8);
    }

    private static List<String> binaryMediaTypes(Exchange exchange) {
        return exchange.stage().deployment().restApi().binaryMediaTypes();
    }

    private static GatewayException notBase64(
            Exchange exchange, String traceStage, ContentHandling handling) {
        exchange.trace()
                .add(
                        traceStage,
                        "Execution failed due to configuration error: unable"
                                + " to base64-decode the payload for content handling ",
                        handling);
        return GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR);
    }

    @Override
    public String toString() {
        return strategy == null ? "unset" : strategy.name();
    }

    /**
     * A converted payload.
     *
     * @param bytes the payload (not copied: do not change it)
     * @param binary whether it is binary, which no mapping template can read
     */
    public record Content(byte[] bytes, boolean binary) {
        /** Checks that the bytes are there. */
        public Content {
            Objects.requireNonNull(bytes);
        }
    }
}
