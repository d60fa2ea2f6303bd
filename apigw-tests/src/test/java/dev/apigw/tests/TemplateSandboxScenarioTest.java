package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.TestInvokeResult;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.testkit.FailingInternalErrorHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mapping template cannot reach the machine (issue 9 part 3): no file, no class name, no
 * unbounded time or memory. Each hostile template gets API Gateway's answer to a template that
 * fails, 500 {@code Internal server error} with an execution-log line (reference 1.1).
 */
class TemplateSandboxScenarioTest {
    private static final String SECRET = "apigw-sandbox-secret-7f3a";
    private static final String MILLION_A = "#set($a = 'a')#set($s = $a.repeat(1000000))";

    /** A list nested in itself forty times: 80 elements, 2^40 when printed. */
    private static final String NESTED =
            "#set($a = ['x'])#foreach($i in [1..40])#set($a = [$a, $a])#end";

    private static final String TEN_MILLION_E = "#set($e = '\u00e9')#set($s = $e.repeat(10000000))";

    @TempDir Path dir;

    static Api mock(String responseTemplate) {
        return mock(responseTemplate, TemplateEngine.create());
    }

    static Api mock(String responseTemplate, TemplateEngine engine) {
        return Api.builder()
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .templateEngine(engine)
                .restApi(
                        RestApi.builder()
                                .name("sandbox")
                                .id("sb42vtl001")
                                .resource(
                                        "/t",
                                        r ->
                                                r.method(
                                                        "POST",
                                                        m ->
                                                                m.methodResponse("200", mr -> {})
                                                                        .integration(
                                                                                i ->
                                                                                        i.type(
                                                                                                        IntegrationType
                                                                                                                .MOCK)
                                                                                                .putRequestTemplate(
                                                                                                        "application/json",
                                                                                                        "{\"statusCode\": 200}")
                                                                                                .integrationResponse(
                                                                                                        "200",
                                                                                                        ir ->
                                                                                                                ir
                                                                                                                        .putResponseTemplate(
                                                                                                                                "application/json",
                                                                                                                                responseTemplate)))))
                                .build())
                .deploy("test")
                .build();
    }

    static Request post() {
        return Request.builder()
                .httpMethod("POST")
                .target("/test/t")
                .header("Content-Type", "application/json")
                .body("{}")
                .build();
    }

    private List<String> fileNames() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.writeString(dir.resolve("secret.vm"), "#set($s = '" + SECRET + "')$s");
        Path cwd = Path.of("").toAbsolutePath();
        List<String> names = new ArrayList<>();
        names.add(secret.toString());
        names.add(cwd.relativize(secret).toString());
        names.add("../../../../../../../../.." + secret);
        names.add(dir.resolve("secret.vm").toString());
        names.add("/etc/passwd");
        names.add("../../../../../../../../../etc/passwd");
        names.add("/proc/self/environ");
        names.add("/proc/self/cmdline");
        names.add("pom.xml");
        names.add("org/apache/velocity/runtime/defaults/velocity.properties");
        names.add("dev/apigw/runtime/Api.class");
        return names;
    }

    @Test
    void handle_includeOrParseOfAnyFile_answers500WithoutTheContents() throws IOException {
        for (String name : fileNames()) {
            for (String directive : List.of("#include", "#parse")) {
                TestInvokeResult result =
                        mock("[" + directive + "('" + name + "')]").testInvoke(post());

                assertThat(result).as(directive + " " + name).hasStatus(500);
                String body = result.response().bodyAsString();
                assertThat(body)
                        .as(directive + " " + name)
                        .isEqualTo("{\"message\": \"Internal server error\"}")
                        .doesNotContain(SECRET);
                assertThat(result.log().contains("Unable to transform response"))
                        .as(directive + " " + name)
                        .isTrue();
                assertThat(result.log().contains(SECRET)).isFalse();
            }
        }
    }

    @Test
    void handle_includeOfAReferenceNamingAFile_answers500WithoutTheContents() throws IOException {
        Path secret = Files.writeString(dir.resolve("ref.txt"), SECRET, StandardCharsets.UTF_8);

        TestInvokeResult result =
                mock("#set($f = '" + secret + "')#include($f)#parse($f)").testInvoke(post());

        assertThat(result).hasStatus(500);
        assertThat(result.response().bodyAsString()).doesNotContain(SECRET);
    }

    /**
     * An engine whose ticker advances one millisecond at every reading, with a budget of 100 ms: a
     * rendering that keeps running reaches its deadline after about 100 readings, whatever the
     * machine's speed.
     */
    private static TemplateEngine fakeTicker() {
        AtomicLong nanos = new AtomicLong();
        return TemplateEngine.builder()
                .ticker(() -> nanos.addAndGet(1_000_000))
                .timeBudget(Duration.ofMillis(100))
                .build();
    }

    private static void assertFailsAndServesNext(Api api, String logged) {
        TestInvokeResult result = api.testInvoke(post());

        assertThat(result).isGatewayResponse(GatewayResponseType.API_CONFIGURATION_ERROR);
        assertThat(result).hasBody("{\"message\": \"Internal server error\"}");
        assertThat(result.log().contains("Unable to transform response")).isTrue();
        assertThat(result.log().contains(logged)).as(result.log().toString()).isTrue();
        Response next = mock("fine").handle(post());
        assertThat(next).hasStatus(200);
        assertThat(next).hasBody("fine");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$s.matches('(.*a){12}')",
                "$s.replaceAll('(.*a){12}c', 'x')",
                "$s.replaceFirst('(.*a){12}c', 'x')",
                "$s.split('(.*a){12}c')",
                "$s.split('(.*a){12}c', 3)"
            })
    void handle_catastrophicRegularExpression_answers500AtTheTimeBudget(String call) {
        Api api = mock("#set($s = '" + "a".repeat(40) + "b')" + call, fakeTicker());

        assertFailsAndServesNext(api, "time budget of 100 ms");
    }

    /**
     * Each call reads the ticker about 49 times (every 4,096 characters of 200,000) and so stays
     * within a time budget of its own; ten of them, fewer steps than a step check needs, must not
     * add up past the rendering's deadline.
     */
    @Test
    void handle_manySlowRegularExpressions_answer500AtTheRenderingsDeadline() {
        Api api =
                mock(
                        "#set($a = 'a')#set($s = $a.repeat(200000))#foreach($i in [1..10])"
                                + "#set($m = $s.matches('a*'))#end$m",
                        fakeTicker());

        assertFailsAndServesNext(api, "time budget of 100 ms");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..1000])"
                        + "#end#end#end",
                "#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..1000])"
                        + "#set($x = $k)#end#end#end",
                "#macro(f $l)#if(!$l.isEmpty())#f($l.subList(1, $l.size()))"
                        + "#f($l.subList(1, $l.size()))#f($l.subList(1, $l.size()))#end#end#f([1..19])",
                "#define($b)#if($b)#end#end#foreach($i in [1..1000])#foreach($j in [1..1000])"
                        + "#foreach($k in [1..1000])$b#end#end#end"
            })
    void handle_endlessWork_answers500AtTheWorkBudget(String template) {
        Api api = mock(template, TemplateEngine.builder().workBudget(100_000).build());

        assertFailsAndServesNext(api, "budget of 100000 steps");
    }

    @Test
    void handle_endlessWorkWithTheDefaultEngine_answers500() {
        Api api =
                mock(
                        "#foreach($i in [1..1000])#foreach($j in [1..1000])"
                                + "#foreach($k in [1..1000])#set($x = $k)#end#end#end",
                        fakeTicker());

        assertFailsAndServesNext(api, "time budget");
    }

    @Test
    void handle_evaluate_answers500() {
        assertFailsAndServesNext(mock("#evaluate('#set($a = 1)')"), "#evaluate is not supported");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#set($s = 'a')$s.repeat(1000000000).length()",
                "#set($s = 'ab')$s.repeat(1500000000).length()",
                "#set($s = 'a')#foreach($i in [1..40])#set($s = $s.concat($s))#end$s.length()",
                MILLION_A + "#set($x = 'x')$s.replace('', $x.repeat(5000))",
                MILLION_A + "#set($x = 'x')$s.replace('a', $x.repeat(5000))",
                MILLION_A
                        + "#set($x = 'x')#set($r = '$0')$s.replaceAll('a', \"$x.repeat(5000)$r\")",
                MILLION_A + "#set($x = '$1')$s.replaceAll('(a)', $x.repeat(5000))",
                "#set($l = [])#set($a = 'a')#set($s = $a.repeat(10000000))"
                        + "#foreach($i in [1..300])$l.add($s)#end"
                        + "$s.join(',', $l).length()",
                "#set($a = 'a')#set($s = $a.repeat(10000000))$s.split('').size()",
                "#set($s = 'a')#foreach($i in [1..40])#set($s = $s + $s)#end$s.length()",
                "#set($s = 'a')#foreach($i in [1..40])#set($s = \"$s$s\")#end$s.length()",
                "#set($l = ['a'])#foreach($i in [1..40])$l.addAll($l)#end$l.size()",
                "#set($l = ['a'])#foreach($i in [1..40])#set($l = [$l, $l])#end$l",
                "#set($l = ['a'])#foreach($i in [1..40])#set($l = [$l, $l])#end$l.toString().length()",
                "#set($l = ['a'])#foreach($i in [1..40])#set($l = [$l, $l])#end#set($t = \"$l\")",
                "#set($l = ['a'])#foreach($i in [1..40])#set($l = [$l, $l])#end#set($t = 'a' + $l)",
                "#set($m = {})#foreach($i in [1..40])#set($m = {'a': $m, 'b': $m})#end$m",
                "#set($n = 3)#foreach($i in [1..40])#set($n = $n * $n)#end$n",
                "#set($a = ['x'])#set($b = ['x'])#foreach($i in [1..40])#set($a = [$a, $a])"
                        + "#set($b = [$b, $b])#end#if($a == $b)same#end",
                "#set($a = ['x'])#foreach($i in [1..40])#set($a = [$a, $a])#end#if($a != 'x')no#end",
                TEN_MILLION_E + "$util.escapeJavaScript($s).length()",
                TEN_MILLION_E + "$util.urlEncode($s).length()",
                TEN_MILLION_E + "$util.base64Encode($s).length()"
            })
    void handle_growthPastTheLimits_answers500BeforeAllocating(String template) {
        Api api = mock(template, TemplateEngine.builder().timeBudget(Duration.ofHours(1)).build());

        assertFailsAndServesNext(api, "limit of");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$util.getClass()",
                "$util.class",
                "$util.class.name",
                "$util.getClass().getName()",
                "$input.getClass()",
                "$input.class.name",
                "$input.getClass().forName('java.lang.Runtime')",
                "$context.getClass()",
                "$context.class",
                "$context.class.name",
                "$context.identity.getClass()",
                "$context.requestOverride.getClass().getName()",
                "$stageVariables.getClass()",
                "$input.params().getClass()",
                "$input.path('$').getClass()",
                "#set($s = 'x')$s.getClass()",
                "#set($s = 'x')$s.class.name",
                "#set($s = 'x')$s.getClass().forName('java.lang.Runtime')",
                "#set($n = 1)$n.getClass()",
                "#set($l = [1])$l.getClass()",
                "#set($m = {})$m.class",
                "#foreach($i in [1])$foreach.getClass()$foreach#end",
                "$input",
                "$util",
                "$context",
                "$util.toString()",
                "$input.toString()",
                "$input.hashCode()",
                "$util.hashCode()",
                "$util.wait()",
                "$util.notify()",
                "$util.notifyAll()",
                "$input.wait(1)",
                "#set($n = 1)$n.getInteger('java.home')",
                "#set($b = true)$b.getBoolean('x')",
                "#set($s = 'x')$s.intern()",
                "#set($s = 'x')$s.format('%s', $util)",
                "#set($s = 'x')$s.chars().getClass()",
                "#set($s = 'x')$s.valueOf($util)",
                "#set($s = 'x')$s.concat($input)"
            })
    void handle_reflectionStyleCalls_leakNoClassName(String template) {
        Response response = mock("[" + template + "]").handle(post());

        assertThat(response.bodyAsString())
                .doesNotContain(
                        "dev.apigw",
                        "java.lang.Class",
                        "class java",
                        "class dev",
                        "java.lang.Runtime",
                        "Util@",
                        "Input@");
    }

    @Test
    void handle_mapWithKeyNamedClass_readsTheKey() {
        Response response =
                mock("#set($m = {'class': 'economy'})$m.class|" + "$input.path('$').class")
                        .handle(
                                Request.builder()
                                        .httpMethod("POST")
                                        .target("/test/t")
                                        .header("Content-Type", "application/json")
                                        .body("{\"class\": \"first\"}")
                                        .build());

        assertThat(response).hasBody("economy|");
    }

    @Test
    void handle_commonTemplateIdioms_stillWork() {
        Response response =
                mock("#set($s = 'a,b,c')$s.split(',').size()|"
                                + "$s.replaceAll(',', ';')|$s.replace(',', '')|$s.matches('[a-c,]+')|"
                                + "$s.toUpperCase()|$s.substring(2)|#set($l = [])#set($x = $l.add('q'))$l|"
                                + "#set($m = {})#set($m.k = 'v')$m|#set($n = 6)$n.parseInt('12')|"
                                + "#foreach($i in [1..3])$foreach.count$foreach.hasNext#end|"
                                + "#set($t = 'x' + 1)$t|$s.join('-', $l)|#set($p = $n * 7)$p|"
                                + "$util.escapeJavaScript('\u00e9')|$util.urlEncode('a b')|"
                                + "#if([1, [2]] == [1, [2]])eq#end#if({'a': [1]} != {'a': [2]})ne#end")
                        .handle(post());

        assertThat(response)
                .hasBody(
                        "3|a;b;c|abc|true|A,B,C|b,c|[q]|{k=v}|12|"
                                + "1true2true3false|x1|q|42|\\u00E9|a+b|eqne");
    }

    @Test
    void handle_deepScanOverDeepPayload_copiesEachValueOnce() {
        StringBuilder numbers = new StringBuilder("[0");
        for (int i = 1; i < 1000; i++) {
            numbers.append(',').append(i);
        }
        numbers.append(']');
        String body = "{\"n\":" + numbers + "}";
        for (int level = 0; level < 100; level++) {
            body = "{\"n\":" + numbers + ",\"a\":" + body + "}";
        }
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(
                                RestApi.builder()
                                        .name("deep")
                                        .id("dp42vtl001")
                                        .resource(
                                                "/t",
                                                r ->
                                                        r.method(
                                                                "POST",
                                                                m ->
                                                                        m.methodResponse(
                                                                                        "200",
                                                                                        mr -> {})
                                                                                .integration(
                                                                                        i ->
                                                                                                i.type(
                                                                                                                IntegrationType
                                                                                                                        .MOCK)
                                                                                                        .putRequestTemplate(
                                                                                                                "application/json",
                                                                                                                "{\"statusCode\": 200, "
                                                                                                                        + "\"n\": $input.path('$..*').size()}")
                                                                                                        .integrationResponse(
                                                                                                                "200",
                                                                                                                ir -> {}))))
                                        .build())
                        .deploy("test")
                        .build();

        TestInvokeResult result =
                api.testInvoke(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/test/t")
                                .header("Content-Type", "application/json")
                                .body(body)
                                .build());

        assertThat(result).hasStatus(200);
        assertThat(result.log().contains("\"n\": 101201}")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#if($a < 1)lt#{else}no#end", "#if($a >= 1)ge#{else}no#end",
                "#foreach($i in [1..$a])x#{end}no", "#if($a.isEmpty())empty#{else}no#end",
                "#if($a.contains($a))has#{else}no#end$a.indexOf($a)"
            })
    void handle_nestedListInComparisonsAndRanges_answersWithoutPrintingIt(String template) {
        Response response = mock(NESTED + template).handle(post());

        assertThat(response).hasStatus(200);
        assertThat(response).hasBody("no");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#set($r = $a - 1)",
                "#set($r = $a * 2)",
                "#set($r = $a / 2)",
                "#set($r = $a % 2)",
                "#set($r = $a + 1)",
                "#set($r = 1 + $a)"
            })
    void handle_nestedListInArithmetic_answers500(String template) {
        assertFailsAndServesNext(mock(NESTED + template), "arithmetic on a map or collection");
    }
}
