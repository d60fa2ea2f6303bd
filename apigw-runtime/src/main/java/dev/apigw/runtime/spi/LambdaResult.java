package dev.apigw.runtime.spi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Lambda function returned: its payload, and whether that payload is a function error
 * (Lambda's {@code X-Amz-Function-Error} header: {@code Unhandled} or {@code Handled}).
 */
public final class LambdaResult {
    /**
     * The largest payload a synchronous invocation returns, in bytes: Lambda's 6 MB quota as its
     * error message states it ("maximum allowed payload size (6291556 bytes)", reference 9.5 [C]).
     */
    public static final int MAX_RESPONSE_BYTES = 6_291_556;

    private static final JsonFactory JSON = new JsonFactory();
    private static final String TOO_LARGE_MESSAGE =
            "Response payload size exceeded maximum"
                    + " allowed payload size ("
                    + MAX_RESPONSE_BYTES
                    + " bytes).";

    private final byte[] payload;
    private final String functionError;
    private final boolean tooLarge;

    private LambdaResult(byte[] payload, String functionError, boolean tooLarge) {
        this.payload = Objects.requireNonNull(payload, "payload");
        this.functionError = functionError;
        this.tooLarge = tooLarge;
    }

    private LambdaResult(byte[] payload, String functionError) {
        this(payload, functionError, false);
    }

    /** Returns a successful result with this JSON payload (not copied). */
    public static LambdaResult of(byte[] payload) {
        return new LambdaResult(payload, null);
    }

    /** Returns a function error with this payload, as Lambda reports an unhandled error. */
    public static LambdaResult functionError(byte[] payload) {
        return new LambdaResult(payload, "Unhandled");
    }

    /**
     * Returns a function error whose payload is Lambda's error shape: {@code
     * {"errorMessage":…,"errorType":…,"stackTrace":[…]}}.
     */
    public static LambdaResult functionError(
            String errorMessage, String errorType, List<String> stackTrace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("errorMessage", errorMessage);
            g.writeStringField("errorType", errorType);
            g.writeArrayFieldStart("stackTrace");
            for (String line : stackTrace) {
                g.writeString(line);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return functionError(out.toByteArray());
    }

    /**
     * Returns the error Lambda reports for a function whose answer passes {@link
     * #MAX_RESPONSE_BYTES}: an unhandled function error of type {@code
     * Function.ResponseSizeTooLarge}, {@code Response payload size exceeded maximum allowed payload
     * size (6291556 bytes).}
     */
    public static LambdaResult responseSizeTooLarge() {
        LambdaResult error =
                functionError(TOO_LARGE_MESSAGE, "Function.ResponseSizeTooLarge", List.of());
        return new LambdaResult(error.payload, error.functionError, true);
    }

    /**
     * Returns whether the function's answer passed {@link #MAX_RESPONSE_BYTES}: this is {@link
     * #responseSizeTooLarge()}, or a payload larger than the quota.
     */
    public boolean isResponseSizeTooLarge() {
        return tooLarge || payload.length > MAX_RESPONSE_BYTES;
    }

    /** Returns the message of {@link #responseSizeTooLarge()}, for execution logs. */
    public static String responseSizeTooLargeMessage() {
        return TOO_LARGE_MESSAGE;
    }

    /** Returns the payload (not copied: do not change it). */
    public byte[] payload() {
        return payload;
    }

    /** Returns the function error kind, if the function failed. */
    public Optional<String> functionError() {
        return Optional.ofNullable(functionError);
    }

    @Override
    public String toString() {
        return "LambdaResult["
                + payload.length
                + " bytes"
                + (functionError == null ? "" : ", " + functionError)
                + "]";
    }
}
