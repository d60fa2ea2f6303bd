package dev.apigw.model.openapi;

import dev.apigw.model.RestApi;
import java.util.List;
import java.util.Objects;

/**
 * What an import produced: the API and the warnings, as AWS's {@code ImportRestApi} returns the
 * created RestApi with its {@code warnings} (reference section 4.3).
 *
 * @param api the imported API
 * @param warnings the warnings, in document order
 */
public record ImportResult(RestApi api, List<ImportWarning> warnings) {
    /** Validates and copies. */
    public ImportResult {
        Objects.requireNonNull(api, "api");
        warnings = List.copyOf(warnings);
    }
}
