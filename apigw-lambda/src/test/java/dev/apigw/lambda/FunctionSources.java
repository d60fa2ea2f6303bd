package dev.apigw.lambda;

import static dev.apigw.lambda.CompiledCode.source;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Java sources of the functions the tests load from their own code, compiled at test time: each
 * is a user's handler as a build makes it, never on the test's own class path.
 */
final class FunctionSources {
    /** The key of the {@code System.getProperties()} entry a handler finds a shared object by. */
    static final String SHARED = "dev.apigw.lambda.test.shared";

    private FunctionSources() {}

    /** {@code lib.Version}, whose {@code get()} returns {@code version}. */
    static Map<String, String> version(String version) {
        return Map.of(
                "lib.Version",
                source(
                        "package lib;",
                        "public class Version {",
                        "    public static String get() { return \"" + version + "\"; }",
                        "}"));
    }

    /** A stream handler answering the JSON string of {@code lib.Version.get()}. */
    static Map<String, String> versionHandler() {
        return Map.of(
                "fn.VersionHandler",
                source(
                        "package fn;",
                        "import com.amazonaws.services.lambda.runtime.*;",
                        "import java.io.*;",
                        "import java.nio.charset.StandardCharsets;",
                        "public class VersionHandler implements RequestStreamHandler {",
                        "    public void handleRequest(InputStream in, OutputStream out,",
                        "            Context context) throws IOException {",
                        "        out.write((\"\\\"\" + lib.Version.get() + \"\\\"\")",
                        "                .getBytes(StandardCharsets.UTF_8));",
                        "    }",
                        "}"));
    }

    /**
     * A typed proxy handler: its body is the request's path, its headers what the {@code Context}
     * and the thread report.
     */
    static Map<String, String> proxyHandler() {
        return Map.of(
                "fn.ProxyHandler",
                source(
                        "package fn;",
                        "import com.amazonaws.services.lambda.runtime.*;",
                        "import com.amazonaws.services.lambda.runtime.events.*;",
                        "import java.util.Map;",
                        "public class ProxyHandler implements RequestHandler<",
                        "        APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {",
                        "    public APIGatewayProxyResponseEvent handleRequest(",
                        "            APIGatewayProxyRequestEvent event, Context context) {",
                        "        boolean tccl = Thread.currentThread().getContextClassLoader()",
                        "                == getClass().getClassLoader();",
                        "        return new APIGatewayProxyResponseEvent()",
                        "                .withStatusCode(200)",
                        "                .withHeaders(Map.of(",
                        "                        \"X-Function\", context.getFunctionName(),",
                        "                        \"X-Memory\", \"\" + context.getMemoryLimitInMB(),",
                        "                        \"X-Remaining\", \"\" + context.getRemainingTimeInMillis(),",
                        "                        \"X-Tccl\", \"\" + tccl,",
                        "                        \"X-Events\", \"\" + (APIGatewayProxyRequestEvent.class",
                        "                                .getClassLoader() == getClass().getClassLoader())))",
                        "                .withBody(event.getHttpMethod() + \" \" + event.getPath());",
                        "    }",
                        "}"));
    }

    /** Handler methods of every signature form Lambda allows, named after their form. */
    static Map<String, String> methods() {
        return Map.of(
                "fn.Methods",
                source(
                        "package fn;",
                        "import com.amazonaws.services.lambda.runtime.Context;",
                        "import java.io.*;",
                        "import java.util.Map;",
                        "public class Methods {",
                        "    public String greet(Map<String, Object> event, Context context) {",
                        "        return \"hello \" + event.get(\"name\") + \" from \"",
                        "                + context.getFunctionName();",
                        "    }",
                        "    public static void copy(InputStream in, OutputStream out)",
                        "            throws IOException {",
                        "        in.transferTo(out);",
                        "    }",
                        "    public int answer() { return 42; }",
                        "    public String pick(Object event) { return \"short\"; }",
                        "    public String pick(Object event, Context context) {",
                        "        return \"with context\";",
                        "    }",
                        "    public void nothing(Map<String, Object> event) {}",
                        "    public String fails(Map<String, Object> event) throws IOException {",
                        "        throw new IOException(\"disk full\");",
                        "    }",
                        "    public String wrong(String a, String b) { return a + b; }",
                        "}"));
    }

    /**
     * A stream handler that waits until interrupted, then counts down the {@code CountDownLatch}
     * shared under {@link #SHARED}.
     */
    static Map<String, String> waiting() {
        return Map.of(
                "fn.Waiting",
                source(
                        "package fn;",
                        "import com.amazonaws.services.lambda.runtime.*;",
                        "import java.io.*;",
                        "import java.util.concurrent.CountDownLatch;",
                        "public class Waiting implements RequestStreamHandler {",
                        "    public void handleRequest(InputStream in, OutputStream out,",
                        "            Context context) {",
                        "        try {",
                        "            new CountDownLatch(1).await();",
                        "        } catch (InterruptedException e) {",
                        "            ((CountDownLatch) System.getProperties().get(",
                        "                    \"" + SHARED + "\")).countDown();",
                        "        }",
                        "    }",
                        "}"));
    }

    /**
     * Two handlers that fail their init: one whose static initializer throws, one whose constructor
     * throws; each counts its attempts in the {@code AtomicInteger} shared under {@link #SHARED}.
     */
    static Map<String, String> failingInit() {
        return Map.of(
                "fn.BadStatic",
                source(
                        "package fn;",
                        "import com.amazonaws.services.lambda.runtime.*;",
                        "import java.io.*;",
                        "import java.util.concurrent.atomic.AtomicInteger;",
                        "public class BadStatic implements RequestStreamHandler {",
                        "    static final int READY = fail();",
                        "    static int fail() {",
                        "        ((AtomicInteger) System.getProperties().get(",
                        "                \"" + SHARED + "\")).incrementAndGet();",
                        "        throw new IllegalStateException(\"no table\");",
                        "    }",
                        "    public void handleRequest(InputStream in, OutputStream out,",
                        "            Context context) {}",
                        "}"),
                "fn.BadConstructor",
                source(
                        "package fn;",
                        "import com.amazonaws.services.lambda.runtime.*;",
                        "import java.io.*;",
                        "public class BadConstructor implements RequestStreamHandler {",
                        "    public BadConstructor() {",
                        "        throw new IllegalArgumentException(\"missing TABLE_NAME\");",
                        "    }",
                        "    public void handleRequest(InputStream in, OutputStream out,",
                        "            Context context) {}",
                        "}"));
    }

    /**
     * A stream handler whose static initializer takes 1.5 seconds (a framework starting up), then
     * answers {@code "ready"}.
     */
    static Map<String, String> slowInit() {
        return Map.of(
                "fn.SlowInit",
                source(
                        "package fn;",
                        "import com.amazonaws.services.lambda.runtime.*;",
                        "import java.io.*;",
                        "import java.util.concurrent.*;",
                        "public class SlowInit implements RequestStreamHandler {",
                        "    static {",
                        "        try {",
                        "            new CountDownLatch(1).await(1500, TimeUnit.MILLISECONDS);",
                        "        } catch (InterruptedException e) {",
                        "            Thread.currentThread().interrupt();",
                        "        }",
                        "    }",
                        "    public void handleRequest(InputStream in, OutputStream out,",
                        "            Context context) throws IOException {",
                        "        out.write(\"\\\"ready\\\"\".getBytes());",
                        "    }",
                        "}"));
    }

    /** A handler whose input and output are the function's own classes. */
    static Map<String, String> pojoHandler() {
        return Map.of(
                "fn.Order",
                source("package fn;", "public class Order {", "    public String item;", "}"),
                "fn.Receipt",
                source("package fn;", "public class Receipt {", "    public String text;", "}"),
                "fn.OrderHandler",
                source(
                        "package fn;",
                        "import com.amazonaws.services.lambda.runtime.*;",
                        "public class OrderHandler implements RequestHandler<Order, Receipt> {",
                        "    public Receipt handleRequest(Order order, Context context) {",
                        "        Receipt r = new Receipt();",
                        "        r.text = \"one \" + order.item;",
                        "        return r;",
                        "    }",
                        "}"));
    }

    /**
     * Copies the aws-lambda-java-events jar and joda-time, its dependency, into {@code root/lib},
     * as a Maven build of a function bundles them.
     */
    static void bundleEvents(Path root) throws IOException {
        Path lib = Files.createDirectories(root.resolve("lib"));
        Path events = Path.of(CompiledCode.jarOf(APIGatewayProxyRequestEvent.class));
        Files.copy(events, lib.resolve(events.getFileName()));
        Path joda = jarHolding("org/joda/time/DateTime.class");
        Files.copy(joda, lib.resolve(joda.getFileName()));
    }

    /** The jar on the test's own path that holds this class file. */
    private static Path jarHolding(String classFile) {
        URL url = ClassLoader.getSystemClassLoader().getResource(classFile);
        String spec = url.toString();
        try {
            return Path.of(new URI(spec.substring("jar:".length(), spec.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
