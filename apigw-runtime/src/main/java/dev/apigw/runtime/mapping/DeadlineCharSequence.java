package dev.apigw.runtime.mapping;

/**
 * The text a regular expression runs over, checking a deadline every {@value #CHECK_EVERY}
 * characters read: a pattern that backtracks catastrophically ({@code (.*a){12}} over 41
 * characters) fails with {@link RenderLimitException} instead of running for ever. The classic
 * interruptible {@code CharSequence}: {@link java.util.regex.Matcher} reads its input only through
 * {@link #charAt}. Belongs to one call: not thread-safe.
 */
final class DeadlineCharSequence implements CharSequence {
    static final int CHECK_EVERY = 4096;

    private final String text;
    private final TemplateLimits limits;
    private final long deadline;
    private int reads;

    DeadlineCharSequence(String text, TemplateLimits limits) {
        this(text, limits, limits.now() + limits.timeBudgetNanos());
    }

    /** Returns the text checking {@code deadline}, a reading of the ticker of {@code limits}. */
    DeadlineCharSequence(String text, TemplateLimits limits, long deadline) {
        this.text = text;
        this.limits = limits;
        this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
        if (++reads == CHECK_EVERY) {
            reads = 0;
            limits.checkDeadline(deadline);
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
