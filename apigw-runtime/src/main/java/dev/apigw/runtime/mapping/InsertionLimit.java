package dev.apigw.runtime.mapping;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Bounds the text references insert, also inside string literals that never reach the output
 * ({@code #set($s = "$s$s")} in a loop): one inserted text over {@value
 * TemplateEngine#MAX_OUTPUT_CHARS} characters, or more than {@value #MAX_TOTAL_CHARS} in all, fails
 * the template. A map or collection is printed here, with the same bound ({@link BoundedText}), so
 * that a list nested in itself cannot print without end. Public only because Velocity instantiates
 * it by class name.
 */
public final class InsertionLimit implements ReferenceInsertionEventHandler {
    /** The most characters all insertions of one rendering may add up to. */
    public static final long MAX_TOTAL_CHARS = 32L * TemplateEngine.MAX_OUTPUT_CHARS;

    /** Creates the handler. */
    public InsertionLimit() {}

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (BoundedText.needed(value)) {
            value = BoundedText.of(value);
        }
        if (value instanceof CharSequence) {
            int length = ((CharSequence) value).length();
            Object report = context.get(RenderReport.KEY);
            long total =
                    report instanceof RenderReport
                            ? ((RenderReport) report).insert(length)
                            : length;
            if (length > TemplateEngine.MAX_OUTPUT_CHARS || total > MAX_TOTAL_CHARS) {
                throw new OutputLimitException(
                        "text inserted by "
                                + reference
                                + " exceeds the limit of "
                                + TemplateEngine.MAX_OUTPUT_CHARS
                                + " characters");
            }
        }
        return value;
    }
}
