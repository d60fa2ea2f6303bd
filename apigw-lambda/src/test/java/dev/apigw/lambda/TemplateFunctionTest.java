package dev.apigw.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.FunctionConfiguration;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template functions loaded from code compiled at test time, each in its own class loader. */
class TemplateFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeFunctions() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        System.getProperties().remove(FunctionSources.SHARED);
    }

    static LambdaInvocation invocation(String payload) {
        return new LambdaInvocation(
                "arn:aws:lambda:eu-west-1:123456789012:function:fn",
                "fn",
                "",
                "RequestResponse",
                "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
                Duration.ofSeconds(29),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    static String text(LambdaResult result) {
        return new String(result.payload(), StandardCharsets.UTF_8);
    }

    private TemplateFunction load(String id, String handler, Path code) {
        return load(id, handler, code, b -> {});
    }

    private TemplateFunction load(
            String id, String handler, Path code, Consumer<FunctionConfiguration.Builder> more) {
        FunctionConfiguration.Builder b =
                FunctionConfiguration.builder()
                        .logicalId(id)
                        .runtime("java17")
                        .handler(handler)
                        .codeUri(code);
        more.accept(b);
        TemplateFunction f = TemplateFunctions.load(b.build());
        opened.add(f);
        return f;
    }

    /** A function directory: the handler's classes at the root, {@code lib.Version} in lib/. */
    private Path versionFunction(String version) throws IOException {
        Path lib = CompiledCode.compile(work, FunctionSources.version(version));
        Path classes = CompiledCode.compile(work, FunctionSources.versionHandler(), lib);
        Path root = Files.createDirectories(work.resolve("function-v" + version));
        CompiledCode.copyTree(classes, root);
        CompiledCode.pack(lib, root.resolve("lib/version-" + version + ".jar"), Map.of());
        return root;
    }

    @Test
    void invoke_twoFunctionsBundlingTwoVersionsOfOneLibrary_eachSeesItsOwn() throws IOException {
        TemplateFunction one = load("One", "fn.VersionHandler", versionFunction("1"));
        TemplateFunction two = load("Two", "fn.VersionHandler", versionFunction("2"));

        assertThat(text(one.invoke(invocation("{}")))).isEqualTo("\"1\"");
        assertThat(text(two.invoke(invocation("{}")))).isEqualTo("\"2\"");
        assertThat(text(one.invoke(invocation("{}")))).isEqualTo("\"1\"");
    }

    @Test
    void invoke_typedEventHandlerBundlingEvents_getsTheEventAndTheFunctionsContext()
            throws IOException {
        Path root = CompiledCode.compile(work, FunctionSources.proxyHandler());
        FunctionSources.bundleEvents(root);
        TemplateFunction f =
                load(
                        "Proxy",
                        "fn.ProxyHandler",
                        root,
                        b -> b.functionName("orders-fn").memorySize(1024).timeout(10));

        LambdaResult result =
                f.invoke(invocation("{\"httpMethod\":\"GET\",\"path\":\"/orders/7\"}"));

        assertThat(result.functionError()).isEmpty();
        JsonNode answer = JSON.readTree(result.payload());
        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.get("body").asText()).isEqualTo("GET /orders/7");
        JsonNode headers = answer.get("headers");
        assertThat(headers.get("X-Function").asText()).isEqualTo("orders-fn");
        assertThat(headers.get("X-Memory").asText()).isEqualTo("1024");
        assertThat(headers.get("X-Remaining").asInt())
                .as("counts down from the function's Timeout")
                .isBetween(5_000, 10_000);
        assertThat(headers.get("X-Tccl").asText()).isEqualTo("true");
        assertThat(headers.get("X-Events").asText())
                .as("events resolve child-first, from the function's own lib/")
                .isEqualTo("true");
    }

    @Test
    void invoke_typedHandlerByClassAndMethod_sameAnswerAsByClass() throws IOException {
        Path root = CompiledCode.compile(work, FunctionSources.proxyHandler());
        FunctionSources.bundleEvents(root);
        TemplateFunction f = load("Proxy", "fn.ProxyHandler::handleRequest", root);

        JsonNode answer =
                JSON.readTree(
                        f.invoke(invocation("{\"httpMethod\":\"PUT\",\"path\":\"/a\"}")).payload());

        assertThat(answer.get("body").asText()).isEqualTo("PUT /a");
    }

    @Test
    void invoke_methodForms_calledAsLambdaCallsThem() throws IOException {
        Path root = CompiledCode.compile(work, FunctionSources.methods());

        assertThat(
                        text(
                                load("A", "fn.Methods::greet", root)
                                        .invoke(invocation("{\"name\":\"Ann\"}"))))
                .isEqualTo("\"hello Ann from A\"");
        assertThat(text(load("B", "fn.Methods::copy", root).invoke(invocation("[1,2]"))))
                .isEqualTo("[1,2]");
        assertThat(text(load("C", "fn.Methods::answer", root).invoke(invocation("{}"))))
                .isEqualTo("42");
        assertThat(text(load("D", "fn.Methods::pick", root).invoke(invocation("{}"))))
                .as("the overload ending with Context wins")
                .isEqualTo("\"with context\"");
        assertThat(text(load("E", "fn.Methods::nothing", root).invoke(invocation("{}"))))
                .isEqualTo("null");
    }

    @Test
    void invoke_methodThrowsCheckedException_reportedAsItsOwnError() throws IOException {
        Path root = CompiledCode.compile(work, FunctionSources.methods());

        LambdaResult result = load("F", "fn.Methods::fails", root).invoke(invocation("{}"));

        assertThat(result.functionError()).contains("Unhandled");
        JsonNode error = JSON.readTree(result.payload());
        assertThat(error.get("errorMessage").asText()).isEqualTo("disk full");
        assertThat(error.get("errorType").asText()).isEqualTo("java.io.IOException");
        assertThat(error.get("stackTrace").get(0).asText()).startsWith("fn.Methods.fails(");
        assertThat(error.get("stackTrace").toString()).doesNotContain("dev.apigw");
    }

    @Test
    void load_methodWithoutHandlerSignatureOrMissing_refusedNamingTheLogicalId()
            throws IOException {
        Path root = CompiledCode.compile(work, FunctionSources.methods());

        assertThatThrownBy(() -> load("G", "fn.Methods::wrong", root))
                .isInstanceOf(FunctionCodeException.class)
                .hasMessage("G: no public method wrong with a handler signature in fn.Methods");
        assertThatThrownBy(() -> load("H", "fn.Missing::handleRequest", root))
                .hasMessage("H: handler class fn.Missing not found in the function's code");
        assertThatThrownBy(() -> load("I", "fn.Methods", root))
                .hasMessage(
                        "I: class fn.Methods implements neither RequestStreamHandler nor"
                                + " RequestHandler");
        assertThatThrownBy(() -> load("J", "fn.Methods::", root))
                .hasMessage("J: Handler 'fn.Methods::' is not pkg.Class or pkg.Class::method");
    }

    @Test
    void invoke_pastTimeout_answersLambdasTimeoutAndInterruptsTheWorker() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        System.getProperties().put(FunctionSources.SHARED, interrupted);
        Path root = CompiledCode.compile(work, FunctionSources.waiting());
        TemplateFunction f = load("Slow", "fn.Waiting", root, b -> b.timeout(1));

        LambdaResult result = f.invoke(invocation("{}"));

        assertThat(result.functionError()).contains("Unhandled");
        assertThat(text(result))
                .isEqualTo(
                        "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId:"
                                + " 8476a536-e9f4-11e8-9739-2dfe598c3fcd Error: Task timed out"
                                + " after 1.00 seconds\"}");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void invoke_initLongerThanTimeout_hasItsOwnInitPhase() throws IOException {
        Path root = CompiledCode.compile(work, FunctionSources.slowInit());
        TemplateFunction f = load("Spring", "fn.SlowInit", root, b -> b.timeout(1));

        LambdaResult result = f.invoke(invocation("{}"));

        assertThat(result.functionError()).isEmpty();
        assertThat(text(result)).isEqualTo("\"ready\"");
    }

    @Test
    void invoke_staticInitializerThrows_initErrorOnEveryCallEachAFreshInit() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        System.getProperties().put(FunctionSources.SHARED, attempts);
        Path root = CompiledCode.compile(work, FunctionSources.failingInit());
        TemplateFunction f = load("Static", "fn.BadStatic", root);

        LambdaResult first = f.invoke(invocation("{}"));
        LambdaResult second = f.invoke(invocation("{}"));

        String expected =
                "{\"errorMessage\":\"Error loading class fn.BadStatic\","
                        + "\"errorType\":\"java.lang.ExceptionInInitializerError\"}";
        assertThat(first.functionError()).contains("Unhandled");
        assertThat(text(first)).isEqualTo(expected);
        assertThat(text(second)).isEqualTo(expected);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void invoke_constructorThrows_initErrorOnEveryCall() throws IOException {
        Path root = CompiledCode.compile(work, FunctionSources.failingInit());
        TemplateFunction f = load("Ctor", "fn.BadConstructor", root);

        String expected =
                "{\"errorMessage\":\"missing TABLE_NAME\","
                        + "\"errorType\":\"java.lang.IllegalArgumentException\"}";
        assertThat(text(f.invoke(invocation("{}")))).isEqualTo(expected);
        assertThat(text(f.invoke(invocation("{}")))).isEqualTo(expected);
    }

    @Test
    void invoke_jarZipAndSamBuildLayouts_allLoad() throws IOException {
        Path lib = CompiledCode.compile(work, FunctionSources.version("z"));
        Path classes = CompiledCode.compile(work, FunctionSources.versionHandler(), lib);
        Path libJar = CompiledCode.pack(lib, work.resolve("dist/version.jar"), Map.of());
        Path zip =
                CompiledCode.pack(
                        classes, work.resolve("dist/fn.zip"), Map.of("lib/version.jar", libJar));
        Path fat = CompiledCode.pack(classes, work.resolve("dist/fat.jar"), Map.of());
        CompiledCode.copyTree(lib, Files.createDirectories(work.resolve("merged")));
        CompiledCode.copyTree(classes, work.resolve("merged"));
        Path shaded =
                CompiledCode.pack(
                        work.resolve("merged"), work.resolve("dist/shaded.jar"), Map.of());
        Path built = work.resolve("app/.aws-sam/build/Built");
        CompiledCode.copyTree(classes, Files.createDirectories(built));
        Files.createDirectories(built.resolve("lib"));
        Files.copy(libJar, built.resolve("lib/version.jar"));
        Path source = Files.createDirectories(work.resolve("app/src-of-built"));
        Files.writeString(source.resolve("pom.xml"), "<project/>");

        assertThat(text(load("Zip", "fn.VersionHandler", zip).invoke(invocation("{}"))))
                .isEqualTo("\"z\"");
        assertThat(text(load("Shaded", "fn.VersionHandler", shaded).invoke(invocation("{}"))))
                .isEqualTo("\"z\"");
        assertThat(
                        text(
                                load(
                                                "Built",
                                                "fn.VersionHandler",
                                                source,
                                                b -> b.samBuildDirectory(built))
                                        .invoke(invocation("{}"))))
                .isEqualTo("\"z\"");
        LambdaResult missing = load("Fat", "fn.VersionHandler", fat).invoke(invocation("{}"));
        assertThat(JSON.readTree(missing.payload()).get("errorType").asText())
                .as("a jar without its library fails as on Lambda")
                .isEqualTo("java.lang.NoClassDefFoundError");
    }

    @Test
    void invoke_concurrentCalls_eachAnswered() throws Exception {
        TemplateFunction f = load("Busy", "fn.VersionHandler", versionFunction("c"));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<LambdaResult>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(callers.submit(() -> f.invoke(invocation("{}"))));
            }
            for (Future<LambdaResult> call : calls) {
                assertThat(text(call.get(30, TimeUnit.SECONDS))).isEqualTo("\"c\"");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void loadAll_oneFunctionNotBuilt_failsNamingItAndClosesTheLoadedOnes() throws IOException {
        Path lib = CompiledCode.compile(work, FunctionSources.version("r"));
        Path classes = CompiledCode.compile(work, FunctionSources.versionHandler(), lib);
        Path zip =
                CompiledCode.pack(
                        classes,
                        work.resolve("dist/fn.zip"),
                        Map.of(
                                "lib/version.jar",
                                CompiledCode.pack(lib, work.resolve("v.jar"), Map.of())));
        Path unbuilt = Files.createDirectories(work.resolve("Unbuilt"));
        Files.writeString(unbuilt.resolve("pom.xml"), "<project/>");
        String zipped = "Zipped" + Long.toHexString(System.nanoTime());
        List<FunctionConfiguration> template =
                List.of(
                        configuration(zipped, "fn.VersionHandler", zip),
                        configuration("Unbuilt", "fn.VersionHandler", unbuilt));

        assertThatThrownBy(() -> TemplateFunctions.loadAll(template))
                .isInstanceOf(FunctionCodeException.class)
                .hasMessageStartingWith("Unbuilt: code not built: CodeUri ");
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temp.map(p -> p.getFileName().toString()))
                    .as("the zip extracted for the first function is deleted")
                    .noneMatch(n -> n.startsWith("apigw-" + zipped));
        }
    }

    @Test
    void close_afterPojoCalls_leavesTheClassLoaderUnreachable() throws Exception {
        Path root = CompiledCode.compile(work, FunctionSources.pojoHandler());
        TemplateFunction f =
                TemplateFunctions.load(configuration("Orders", "fn.OrderHandler", root));
        assertThat(text(f.invoke(invocation("{\"item\":\"tea\"}"))))
                .isEqualTo("{\"text\":\"one tea\"}");
        WeakReference<ClassLoader> loader = new WeakReference<>(f.classLoader());

        f.close();
        f = null;

        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
        }
        assertThat(loader.get()).as("the function's class loader after close").isNull();
    }

    private static FunctionConfiguration configuration(String id, String handler, Path code) {
        return FunctionConfiguration.builder()
                .logicalId(id)
                .runtime("java21")
                .handler(handler)
                .codeUri(code)
                .build();
    }
}
