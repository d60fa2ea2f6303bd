package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every Java snippet of the repository's {@code README.md} against the real modules, so
 * the README cannot rot: a snippet that declares a class is compiled as it is, any other is
 * compiled as the body of a method. Both get the imports a reader would write.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("../../README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_DECLARATION =
            Pattern.compile("(?m)^\\s*(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
    private static final String IMPORTS = String.join("\n",
            "import static dev.apigw.testkit.GatewayAssertions.assertThat;",
            "import static org.assertj.core.api.Assertions.assertThat;",
            "import com.amazonaws.services.lambda.runtime.events.*;",
            "import dev.apigw.model.*;",
            "import dev.apigw.model.openapi.*;",
            "import dev.apigw.runtime.*;",
            "import dev.apigw.runtime.lambda.*;",
            "import dev.apigw.runtime.spi.*;",
            "import dev.apigw.samples.localserver.*;",
            "import dev.apigw.servlet.*;",
            "import dev.apigw.samples.petstore.*;",
            "import dev.apigw.testkit.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import org.junit.jupiter.api.*;",
            "import org.junit.jupiter.api.extension.RegisterExtension;",
            "");

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> readme_everyJavaSnippet_compiles() throws IOException {
        assertThat(README).as("README.md at the repository root").isRegularFile();
        Matcher blocks = JAVA_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        List<String> snippets = new ArrayList<>();
        while (blocks.find()) {
            snippets.add(blocks.group(1));
        }
        assertThat(snippets).as("Java snippets in README.md").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String snippet = snippets.get(i);
            String name = "ReadmeSnippet" + (i + 1);
            tests.add(DynamicTest.dynamicTest(name + ": " + firstLine(snippet),
                    () -> assertCompiles(name, snippet)));
        }
        return tests.stream();
    }

    private void assertCompiles(String name, String snippet) {
        Matcher declared = CLASS_DECLARATION.matcher(snippet);
        boolean declaresClass = declared.find();
        String file = declaresClass ? declared.group(1) : name;
        String source = IMPORTS + (declaresClass ? snippet
                : "class " + name + " {\n    void run() throws Exception {\n" + snippet
                        + "\n    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d",
                        out.toString(), "-proc:none"),
                null, List.of(new Source(file, source))).call();
        assertThat(ok).as("README snippet %s does not compile:%n%s%n%s", name, errors, source)
                .isTrue();
    }

    private static String firstLine(String snippet) {
        String line = snippet.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    /** An in-memory source file. */
    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String name, String code) {
            super(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
