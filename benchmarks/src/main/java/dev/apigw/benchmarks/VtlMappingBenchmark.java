package dev.apigw.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures a non-proxy request with a request and a response template (an AWS Lambda integration:
 * the request template maps the query and body into the payload, the response template reshapes the
 * function's answer, reference 1.7 T2 and T6), beside the reference: the two same templates merged
 * by a bare Velocity engine configured as API Gateway's dialect needs (1.7 space gobbling, hyphens,
 * loop limit, secure uberspector) with the same data already in plain Java maps, so the reference
 * does no JSON work at all. The target: the whole request costs at most 1.5 times the two
 * raw merges.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VtlMappingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VtlMappingBenchmark {
    static final String REQUEST_TEMPLATE =
            "{\"name\": \"$input.params('name')\", \"body\": $input.json('$')}";
    static final String RESPONSE_TEMPLATE =
            "#set($inputRoot = $input.path('$'))\n"
                    + "{\n  \"choices\": [\n#foreach($elem in $inputRoot.bins)\n    {\n"
                    + "      \"kind\": \"$elem.type\",\n"
                    + "      \"suggestedPrice\": \"$elem.price per $elem.unit\",\n"
                    + "      \"available\": $elem.quantity\n    }#if($foreach.hasNext),#end\n#end\n  ]\n}";
    static final String GROCERIES =
            "{\"department\":\"produce\",\"categories\":[\"fruit\","
                    + "\"vegetables\"],\"bins\":[{\"category\":\"fruit\",\"type\":\"apples\",\"price\":1.99,"
                    + "\"unit\":\"pound\",\"quantity\":232},{\"category\":\"fruit\",\"type\":\"bananas\","
                    + "\"price\":0.19,\"unit\":\"each\",\"quantity\":112},{\"category\":\"vegetables\","
                    + "\"type\":\"carrots\",\"price\":1.29,\"unit\":\"bag\",\"quantity\":57}]}";
    static final String REQUEST_BODY = "{\"basket\":[\"apples\",\"carrots\"],\"express\":true}";

    private Api api;
    private Api inThread;
    private Request request;
    private RuntimeInstance velocity;
    private Template rawRequest;
    private Template rawResponse;
    private RawInput rawRequestInput;
    private RawInput rawResponseInput;
    private final ObjectMapper json = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** Builds the API and the bare Velocity engine once. */
    @Setup
    public void setUp() throws IOException, ParseException {
        byte[] answer = GROCERIES.getBytes(StandardCharsets.UTF_8);
        RestApi restApi =
                RestApi.builder()
                        .name("grocery")
                        .resource(
                                "/bins",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.methodResponse("200", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                                                                                        + "arn:aws:lambda:us-east-1:123456789012:function:bins/invocations")
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                REQUEST_TEMPLATE)
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        RESPONSE_TEMPLATE)))))
                        .build();
        api =
                Api.builder()
                        .restApi(restApi)
                        .deploy("prod")
                        .lambda("bins", invocation -> LambdaResult.of(answer))
                        .build();
        inThread =
                api.toBuilder()
                        .gateway(
                                api.gateway().toBuilder()
                                        .requestResponseExecutor(Runnable::run)
                                        .build())
                        .build();
        request =
                Request.builder()
                        .httpMethod("POST")
                        .target("/prod/bins?name=market")
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .body(REQUEST_BODY)
                        .build();

        velocity = new RuntimeInstance();
        velocity.setProperty("parser.space_gobbling", "bc");
        velocity.setProperty("parser.allow_hyphen_in_identifiers", true);
        velocity.setProperty("directive.foreach.max_loops", 1000);
        velocity.setProperty(
                "introspector.uberspect.class",
                "org.apache.velocity.util.introspection.SecureUberspector");
        velocity.init();
        rawRequest = parse(REQUEST_TEMPLATE);
        rawResponse = parse(RESPONSE_TEMPLATE);
        rawRequestInput =
                new RawInput(
                        REQUEST_BODY, Map.of("name", "market"), json.readValue(REQUEST_BODY, MAP));
        rawResponseInput = new RawInput(GROCERIES, Map.of(), json.readValue(GROCERIES, MAP));
    }

    private Template parse(String text) throws ParseException {
        Template t = new Template();
        t.setRuntimeServices(velocity);
        t.setData(velocity.parse(new StringReader(text), t));
        t.initDocument();
        return t;
    }

    /** The whole request through the gateway. */
    @Benchmark
    public Response gateway() {
        return api.handle(request);
    }

    /** The same request with the function run in the calling thread (no timeout, no hand-off). */
    @Benchmark
    public Response gatewayInThread() {
        return inThread.handle(request);
    }

    /** Reference: the request and the response template merged by bare Velocity. */
    @Benchmark
    public void rawMerges(Blackhole blackhole) {
        blackhole.consume(merge(rawRequest, rawRequestInput));
        blackhole.consume(merge(rawResponse, rawResponseInput));
    }

    /**
     * Reference: the same two merges, each after parsing its JSON text with a plain Jackson {@code
     * ObjectMapper} into maps, as anyone rendering these templates with bare Velocity must.
     */
    @Benchmark
    public void rawMergesWithParsing(Blackhole blackhole) throws IOException {
        blackhole.consume(
                merge(
                        rawRequest,
                        new RawInput(
                                REQUEST_BODY,
                                Map.of("name", "market"),
                                json.readValue(REQUEST_BODY, MAP))));
        blackhole.consume(
                merge(
                        rawResponse,
                        new RawInput(GROCERIES, Map.of(), json.readValue(GROCERIES, MAP))));
    }

    private static String merge(Template template, RawInput input) {
        VelocityContext context = new VelocityContext();
        context.put("input", input);
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString();
    }

    /** The data of {@code $input} already in plain Java values: no JSON work in the merge. */
    public static final class RawInput {
        private final String body;
        private final Map<String, String> params;
        private final Map<String, Object> root;

        RawInput(String body, Map<String, String> params, Map<String, Object> root) {
            this.body = body;
            this.params = params;
            this.root = root;
        }

        /** Returns a parameter. */
        public String params(String name) {
            return params.getOrDefault(name, "");
        }

        /** Returns the body, standing for {@code $input.json('$')}. */
        public String json(String path) {
            if (!"$".equals(path)) {
                throw new UncheckedIOException(new IOException("only $ is prepared"));
            }
            return body;
        }

        /** Returns the parsed body, standing for {@code $input.path('$')}. */
        public Map<String, Object> path(String path) {
            return root;
        }
    }
}
