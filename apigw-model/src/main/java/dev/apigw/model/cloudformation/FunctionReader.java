package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.FunctionConfiguration;
import java.nio.file.Path;

/**
 * Reads an {@code AWS::Lambda::Function} into a {@link FunctionConfiguration}. {@code Code} as a
 * string is a local path relative to the template (the form {@code aws cloudformation package}
 * takes, and what the SAM transform makes of a local {@code CodeUri}); code in S3 or inline ({@code
 * ZipFile}) has no local path. {@code sam build}'s output for the function is looked for in {@code
 * .aws-sam/build/<LogicalId>/} beside the template.
 */
final class FunctionReader {
    private FunctionReader() {}

    static FunctionConfiguration read(ImportRun run, String logicalId) {
        Props p = run.properties(logicalId);
        Path directory = run.template().directory();
        FunctionConfiguration.Builder f =
                FunctionConfiguration.builder()
                        .logicalId(logicalId)
                        .functionName(run.ids().name(logicalId, "FunctionName"))
                        .runtime(p.text("Runtime").orElse(""))
                        .handler(p.text("Handler").orElse(""))
                        .samBuildDirectory(
                                directory.resolve(".aws-sam").resolve("build").resolve(logicalId));
        JsonNode code = p.raw("Code");
        if (code.isTextual()) {
            f.codeUri(directory.resolve(code.asText()).normalize());
        }
        p.integer("Timeout").ifPresent(f::timeout);
        p.integer("MemorySize").ifPresent(f::memorySize);
        f.environment(p.object("Environment").textMap("Variables"));
        try {
            return f.build();
        } catch (IllegalArgumentException e) {
            throw p.fail(e.getMessage());
        }
    }
}
