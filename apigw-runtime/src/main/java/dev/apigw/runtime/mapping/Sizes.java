package dev.apigw.runtime.mapping;

/**
 * The sizes a template may build (issue 9 part 3), checked before anything is allocated: text up to
 * {@link TemplateEngine#MAX_OUTPUT_CHARS} characters (the output limit: nothing larger can reach a
 * response), collections up to {@link TemplateEngine#MAX_COLLECTION_SIZE} elements and numbers up
 * to {@link TemplateEngine#MAX_NUMBER_BITS} bits.
 */
final class Sizes {
    private Sizes() {}

    /** Fails when {@code what} would build text of {@code length} characters. */
    static void checkText(long length, String what) {
        if (length > TemplateEngine.MAX_OUTPUT_CHARS) {
            throw new RenderLimitException(
                    what
                            + " would build "
                            + length
                            + " characters, over the limit of "
                            + TemplateEngine.MAX_OUTPUT_CHARS);
        }
    }

    /** Fails when {@code what} would grow a collection to {@code size} elements. */
    static void checkElements(long size, String what) {
        if (size > TemplateEngine.MAX_COLLECTION_SIZE) {
            throw new RenderLimitException(
                    what
                            + " would hold "
                            + size
                            + " elements, over the limit of "
                            + TemplateEngine.MAX_COLLECTION_SIZE);
        }
    }

    /** Fails when {@code what} would build a number of {@code bits} bits. */
    static void checkBits(long bits, String what) {
        if (bits > TemplateEngine.MAX_NUMBER_BITS) {
            throw new RenderLimitException(
                    what
                            + " would build a number of "
                            + bits
                            + " bits, over the limit of "
                            + TemplateEngine.MAX_NUMBER_BITS);
        }
    }
}
