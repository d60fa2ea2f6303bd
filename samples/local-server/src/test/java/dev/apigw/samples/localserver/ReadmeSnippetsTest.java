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
import java.util.stream.Collectors;
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
 * the README cannot rot. A snippet compiles with the imports it prints and no others: its leading
 * {@code import} lines head the source file; a snippet that declares a class is compiled as it is,
 * any other as the body of a method.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("../../README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_DECLARATION =
            Pattern.compile("(?m)^\\s*(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern IMPORT =
            Pattern.compile("import\\s+(static\\s+)?[\\w.*]+;\\s*(//.*)?");

    @TempDir Path out;

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
            tests.add(
                    DynamicTest.dynamicTest(
                            name + ": " + firstLine(snippet), () -> assertCompiles(name, snippet)));
        }
        return tests.stream();
    }

    private void assertCompiles(String name, String snippet) {
        List<String> lines = snippet.lines().collect(Collectors.toList());
        int code = 0;
        while (code < lines.size()
                && (lines.get(code).isBlank()
                        || IMPORT.matcher(lines.get(code).strip()).matches())) {
            code++;
        }
        String imports = String.join("\n", lines.subList(0, code)) + "\n";
        String body = String.join("\n", lines.subList(code, lines.size())) + "\n";
        Matcher declared = CLASS_DECLARATION.matcher(body);
        boolean declaresClass = declared.find();
        String file = declaresClass ? declared.group(1) : name;
        String source =
                imports
                        + (declaresClass
                                ? body
                                : "class "
                                        + name
                                        + " {\n    void run() throws Exception {\n"
                                        + body
                                        + "    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok =
                javac.getTask(
                                errors,
                                null,
                                null,
                                List.of(
                                        "-classpath",
                                        System.getProperty("java.class.path"),
                                        "-d",
                                        out.toString(),
                                        "-proc:none"),
                                null,
                                List.of(new Source(file, source)))
                        .call();
        assertThat(ok)
                .as("README snippet %s does not compile:%n%s%n%s", name, errors, source)
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
