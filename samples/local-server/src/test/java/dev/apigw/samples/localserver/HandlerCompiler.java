package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Lambda handler sources written by a test against {@code aws-lambda-java-core}, as a
 * user's build compiles their handlers, so that the server loads them from a directory.
 */
public final class HandlerCompiler {
    private HandlerCompiler() {}

    /** Compiles {@code sources} into {@code classes}; fails the test when javac fails. */
    public static void compile(Path classes, Path... sources) throws Exception {
        String lambdaCore =
                Path.of(
                                RequestHandler.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI())
                        .toString();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--release",
                                "17",
                                "-classpath",
                                lambdaCore,
                                "-d",
                                classes.toString()));
        for (Path source : sources) {
            args.add(source.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, args.toArray(new String[0]));
        assertThat(status).as("javac status").isZero();
    }
}
