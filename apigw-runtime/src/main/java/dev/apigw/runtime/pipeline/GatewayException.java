package dev.apigw.runtime.pipeline;

import dev.apigw.model.GatewayResponseType;
import java.util.Objects;
import java.util.Optional;

/**
 * Rejects a request with a gateway response. Cheap: it has no stack trace. Only the gateway
 * response step catches it and renders the API's customised response or AWS's default, against the
 * exchange as the failing step saw it (stage, route and API key resolved so far), which the chain
 * records on the way out.
 */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient GatewayResponseType type;
    private final int statusCode;
    private final String errorMessage;
    private final String validationErrorString;
    private transient Exchange exchange;

    private GatewayException(
            GatewayResponseType type,
            int statusCode,
            String errorMessage,
            String validationErrorString) {
        super(type + (errorMessage == null ? "" : ": " + errorMessage), null, false, false);
        this.type = Objects.requireNonNull(type);
        this.statusCode = statusCode;
        this.errorMessage = errorMessage;
        this.validationErrorString = validationErrorString;
    }

    /** Returns an exception for a type with its default message. */
    public static GatewayException of(GatewayResponseType type) {
        return new GatewayException(
                type, type.defaultStatus(), type.defaultMessage().orElse(null), null);
    }

    /** Returns an exception for a type with this {@code $context.error.message}. */
    public static GatewayException of(GatewayResponseType type, String errorMessage) {
        return new GatewayException(type, type.defaultStatus(), errorMessage, null);
    }

    /**
     * Returns a request validation failure (BAD_REQUEST_PARAMETERS, BAD_REQUEST_BODY) with its
     * {@code $context.error.message} and its {@code $context.error.validationErrorString}, the
     * detailed text API Gateway gives gateway response templates (reference 1.2).
     */
    public static GatewayException invalidRequest(
            GatewayResponseType type, String errorMessage, String validationErrorString) {
        return new GatewayException(
                type,
                type.defaultStatus(),
                Objects.requireNonNull(errorMessage),
                Objects.requireNonNull(validationErrorString));
    }

    /**
     * Returns an exception for a type answered with another status than the type's default, as AWS
     * does in places (502 for a malformed Lambda proxy response, reference 3.1).
     */
    public static GatewayException of(
            GatewayResponseType type, int statusCode, String errorMessage) {
        return new GatewayException(type, statusCode, errorMessage, null);
    }

    /** Returns the gateway response type. */
    public GatewayResponseType type() {
        return type;
    }

    /** Returns the status to answer with when the response is not customised. */
    public int statusCode() {
        return statusCode;
    }

    /** Returns {@code $context.error.message}; absent renders as JSON {@code null}. */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /**
     * Returns {@code $context.error.validationErrorString}: present for request validation failures
     * only; absent renders as empty text.
     */
    public Optional<String> validationErrorString() {
        return Optional.ofNullable(validationErrorString);
    }

    /** Returns the exchange of the step that threw, once the chain has recorded it. */
    public Optional<Exchange> exchange() {
        return Optional.ofNullable(exchange);
    }

    /** Records the exchange of the step that threw; the innermost (first) record wins. */
    public GatewayException thrownAt(Exchange failing) {
        if (exchange == null) {
            exchange = Objects.requireNonNull(failing);
        }
        return this;
    }
}
