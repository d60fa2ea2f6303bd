package dev.apigw.model.openapi;

import dev.apigw.model.HttpApi;
import java.util.List;
import java.util.Objects;

/**
 * What an HTTP API import produced: the API and the warnings, as apigatewayv2's {@code ImportApi}
 * returns the API with its {@code warnings} (reference section 4.3, "HTTP API import").
 *
 * @param api the imported API
 * @param warnings the warnings, in document order
 */
public record HttpApiImportResult(HttpApi api, List<ImportWarning> warnings) {
    /** Validates and copies. */
    public HttpApiImportResult {
        Objects.requireNonNull(api, "api");
        warnings = List.copyOf(warnings);
    }
}
