package dev.apigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.mapping.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template tester through its public API (reference section 1). */
class TemplateTesterTest {
    @Test
    void render_nameAndWholeBody_asWorkedExampleT2() {
        TemplateTester.Result result =
                TemplateTester.forTemplate(
                                "{\"name\":\"$input.params('name')\",\"body\":$input.json('$')}")
                        .queryParameter("name", "me")
                        .body("{\"a\":1}")
                        .render();

        assertThat(result.output()).isEqualTo("{\"name\":\"me\",\"body\":{\"a\":1}}");
    }

    @Test
    void render_paramsLookup_pathBeforeQueryBeforeHeader() {
        TemplateTester tester =
                TemplateTester.forTemplate(
                                "$input.params('id')|$input.params('q')|$input.params('X-Trace')")
                        .pathParameter("id", "p-3")
                        .queryParameter("id", "q-3")
                        .queryParameter("q", "dogs")
                        .header("X-Trace", "t-9")
                        .header("q", "header-q");

        assertThat(tester.render().output()).isEqualTo("p-3|dogs|t-9");
    }

    @Test
    void render_contextAndStageVariables_nestedAndNullIdentity() {
        TemplateTester.Result result =
                TemplateTester.forTemplate(
                                "$context.stage|$context.identity.sourceIp|$context.identity.caller|"
                                        + "$context.authorizer.principalId|$stageVariables.env")
                        .contextVariable("stage", "beta")
                        .contextVariable("identity.sourceIp", "203.0.113.9")
                        .contextVariable("authorizer.principalId", "user|42")
                        .stageVariable("env", "green")
                        .render();

        assertThat(result.output()).isEqualTo("beta|203.0.113.9||user|42|green");
    }

    @Test
    void render_jsonValues_printAsAwsDoes() {
        TemplateTester.Result result =
                TemplateTester.forTemplate(
                                "#set($r = $input.path('$'))$r|$r.list|$input.path('$.none')|"
                                        + "#if($input.path('$.none') == \"\")empty#end")
                        .body("{\"a\":\"b\",\"list\":[{\"x\":1}]}")
                        .render();

        assertThat(result.output()).isEqualTo("{a=b, list=[{\"x\":1}]}|[{\"x\":1}]||empty");
    }

    @Test
    void render_overrides_areReported() {
        TemplateTester.Result result =
                TemplateTester.forTemplate(
                                "#set($context.responseOverride.status = 418)"
                                        + "#set($context.requestOverride.header.X-Mode = 'fast')"
                                        + "#set($context.responseOverride.header.X-Tea = 'green'){}")
                        .render();

        assertThat(result.output()).isEqualTo("{}");
        assertThat(result.overrides().responseStatus()).hasValue(418);
        assertThat(result.overrides().requestHeaders()).containsEntry("X-Mode", List.of("fast"));
        assertThat(result.overrides().responseHeaders()).containsEntry("X-Tea", List.of("green"));
    }

    @Test
    void forFile_templateOnDisk_rendersIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pet.vtl");
        Files.writeString(
                file,
                "{\"id\": \"$input.params('petId')\", \"name\": " + "\"$input.path('$.name')\"}");

        TemplateTester.Result result =
                TemplateTester.forFile(file)
                        .pathParameter("petId", "7")
                        .body("{\"name\": \"Rex\"}")
                        .render();

        assertThat(result.output()).isEqualTo("{\"id\": \"7\", \"name\": \"Rex\"}");
    }

    @Test
    void forTemplate_invalid_failsWhenMade() {
        assertThatThrownBy(() -> TemplateTester.forTemplate("#foreach($x in $y) no end"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template");
    }

    @Test
    void render_failingTemplate_throwsTemplateException() {
        TemplateTester tester = TemplateTester.forTemplate("$util.base64Decode('%%%')");

        assertThatThrownBy(tester::render).isInstanceOf(TemplateException.class);
    }
}
