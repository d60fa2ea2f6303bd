package dev.apigw.runtime.mapping;

import java.io.Writer;

/**
 * Collects a template's output and fails with {@link OutputLimitException} once it passes {@link
 * TemplateEngine#MAX_OUTPUT_CHARS}: a template cannot grow a response without bound.
 */
final class BoundedWriter extends Writer {
    private final StringBuilder out = new StringBuilder(256);

    @Override
    public void write(char[] chars, int offset, int length) {
        check(length);
        out.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
        check(length);
        out.append(s, offset, offset + length);
    }

    @Override
    public void write(int c) {
        check(1);
        out.append((char) c);
    }

    private void check(int more) {
        if ((long) out.length() + more > TemplateEngine.MAX_OUTPUT_CHARS) {
            throw new OutputLimitException(
                    "template output exceeds the limit of "
                            + TemplateEngine.MAX_OUTPUT_CHARS
                            + " characters");
        }
    }

    @Override
    public void flush() {
        // nothing buffered elsewhere
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
