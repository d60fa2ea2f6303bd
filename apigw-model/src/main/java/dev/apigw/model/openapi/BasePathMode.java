package dev.apigw.model.openapi;

/**
 * What import does with the definition's base path: the {@code basepath} parameter of {@code
 * ImportRestApi} (reference section 4.3). With base path {@code /a/b/c} and paths {@code /e} and
 * {@code /f}:
 */
public enum BasePathMode {
    /** The base path is dropped: resources {@code /}, {@code /e}, {@code /f} (AWS's default). */
    IGNORE,
    /**
     * The base path is prepended: {@code /}, {@code /a}, {@code /a/b}, {@code /a/b/c}, {@code
     * /a/b/c/e}, {@code /a/b/c/f}, the intermediate resources without methods.
     */
    PREPEND,
    /**
     * The top-most segment (meant as a stage or base path mapping) is dropped and the rest
     * prepended: {@code /}, {@code /b}, {@code /b/c}, {@code /b/c/e}, {@code /b/c/f}.
     */
    SPLIT
}
