package dev.apigw.lambda;

import dev.apigw.runtime.spi.LambdaResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The output stream a handler writes its answer to, holding at most {@link
 * LambdaResult#MAX_RESPONSE_BYTES}: a write past it throws an {@link IOException} with Lambda's
 * message and marks the stream as overflowed, so that a function streaming an endless answer
 * neither fills the heap nor gets its answer through. One per invocation; not thread-safe.
 */
final class BoundedOutput extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean overflowed;

    @Override
    public void write(int b) throws IOException {
        reserve(1);
        bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        reserve(len);
        bytes.write(b, off, len);
    }

    private void reserve(int len) throws IOException {
        if (overflowed || len > LambdaResult.MAX_RESPONSE_BYTES - bytes.size()) {
            overflowed = true;
            throw new IOException(LambdaResult.responseSizeTooLargeMessage());
        }
    }

    /** Returns whether the handler tried to write past the limit. */
    boolean overflowed() {
        return overflowed;
    }

    /** Returns what was written. */
    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
