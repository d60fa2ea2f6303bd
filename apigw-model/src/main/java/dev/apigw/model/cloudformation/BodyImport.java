package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.openapi.ImportWarning;
import dev.apigw.model.openapi.OpenApiImportException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Imports the OpenAPI definition of an API resource, its {@code Body} (inline) or {@code
 * BodyS3Location} (a local file, {@link BodyFile}), with the importer of its kind (REST or HTTP):
 * the importer's warnings become the template's, its errors {@link CloudFormationImportException}s
 * naming the property path down into the body ({@code Resources.Api.Properties.Body.paths./a.get}).
 *
 * @param <T> what the importer answers
 */
final class BodyImport<T> {
    private final Function<JsonNode, T> body;
    private final Function<Path, T> file;
    private final Function<T, List<ImportWarning>> warnings;

    /**
     * An import reading an inline body with {@code body}, a file with {@code file}, and the
     * warnings of a result with {@code warnings}.
     */
    BodyImport(
            Function<JsonNode, T> body,
            Function<Path, T> file,
            Function<T, List<ImportWarning>> warnings) {
        this.body = body;
        this.file = file;
        this.warnings = warnings;
    }

    /** Returns whether these properties carry a definition. */
    static boolean hasBody(Props p) {
        return p.has("Body") || p.has("BodyS3Location");
    }

    /** Imports the definition of these properties, adding its warnings to the run's. */
    T read(ImportRun run, Props p) {
        String where = p.path() + (p.has("Body") ? ".Body" : ".BodyS3Location");
        try {
            T result = p.has("Body") ? body.apply(p.raw("Body")) : file.apply(BodyFile.of(run, p));
            warnings.apply(result).forEach(w -> run.warn(where, w.toString()));
            return result;
        } catch (OpenApiImportException e) {
            throw new CloudFormationImportException(
                    where + pointerPath(e.pointer()), e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new CloudFormationImportException(
                    where, "cannot read: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Turns a JSON pointer into the property path form: {@code /paths/~1a/get} to {@code
     * .paths./a.get}.
     */
    static String pointerPath(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            out.append('.').append(token.replace("~1", "/").replace("~0", "~"));
        }
        return out.toString();
    }
}
