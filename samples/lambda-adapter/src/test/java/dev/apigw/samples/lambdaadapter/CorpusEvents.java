package dev.apigw.samples.lambdaadapter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the AWS sample events of {@code ../../../shared/corpus/events/aws-lambda-go/} (relative to
 * the module directory, where tests run; the repository sits next to {@code shared/}) with the
 * Lambda runtime's own event serializers. Without the corpus (a user's fresh clone) a test reading
 * it is skipped, through a JUnit assumption.
 */
final class CorpusEvents {
    private static final Path DIRECTORY =
            Path.of("..", "..", "..", "shared", "corpus", "events", "aws-lambda-go");

    private CorpusEvents() {}

    static <T> T read(String file, Class<T> type) {
        assumeTrue(
                Files.isDirectory(DIRECTORY),
                "../shared/corpus not found: corpus tests skipped (CI has it)");
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve(file))) {
            return LambdaEventSerializers.serializerFor(type, type.getClassLoader()).fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T parse(String json, Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, type.getClassLoader()).fromJson(json);
    }
}
