package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local file a {@code BodyS3Location} names (a path relative to the template, the input form of
 * {@code aws cloudformation package}); an S3 object cannot be read here and fails naming the
 * property, as does a missing file.
 */
final class BodyFile {
    private BodyFile() {}

    /** Returns the file of the {@code BodyS3Location} of these properties. */
    static Path of(ImportRun run, Props p) {
        JsonNode location = p.raw("BodyS3Location");
        if (!location.isTextual()) {
            throw p.fail(
                    "BodyS3Location",
                    "an S3 object cannot be read here; give a local path (as the input of"
                            + " 'aws cloudformation package' does)");
        }
        Path file = run.template().directory().resolve(location.asText()).normalize();
        if (!Files.isRegularFile(file)) {
            throw p.fail("BodyS3Location", "file not found: " + file);
        }
        return file;
    }
}
