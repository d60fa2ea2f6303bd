package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapping template cannot reach the machine (issue 9 part 3): no file, no class name, no
 * unbounded time or memory. Each hostile template gets API Gateway's answer to a template that
 * fails, 500 {@code Internal server error} with an execution-log line (reference 1.1).
 */
class TemplateSandboxScenarioTest {
    private static final String SECRET = "apigw-sandbox-secret-7f3a";

    @TempDir
    Path dir;

    static Api mock(String responseTemplate) {
        return Api.builder().restApi(RestApi.builder().name("sandbox").id("sb42vtl001")
                .resource("/t", r -> r.method("POST", m -> m
                        .methodResponse("200", mr -> { })
                        .integration(i -> i.type(IntegrationType.MOCK)
                                .putRequestTemplate("application/json", "{\"statusCode\": 200}")
                                .integrationResponse("200", ir -> ir.putResponseTemplate(
                                        "application/json", responseTemplate)))))
                .build()).deploy("test").build();
    }

    static Request post() {
        return Request.builder().httpMethod("POST").target("/test/t")
                .header("Content-Type", "application/json").body("{}").build();
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
                TestInvokeResult result = mock("[" + directive + "('" + name + "')]")
                        .testInvoke(post());

                assertThat(result.response().statusCode()).as(directive + " " + name)
                        .isEqualTo(500);
                String body = result.response().bodyAsString();
                assertThat(body).as(directive + " " + name)
                        .isEqualTo("{\"message\": \"Internal server error\"}")
                        .doesNotContain(SECRET);
                assertThat(result.log().contains("Unable to transform response"))
                        .as(directive + " " + name).isTrue();
                assertThat(result.log().contains(SECRET)).isFalse();
            }
        }
    }

    @Test
    void handle_includeOfAReferenceNamingAFile_answers500WithoutTheContents()
            throws IOException {
        Path secret = Files.writeString(dir.resolve("ref.txt"), SECRET, StandardCharsets.UTF_8);

        TestInvokeResult result = mock("#set($f = '" + secret + "')#include($f)#parse($f)")
                .testInvoke(post());

        assertThat(result.response().statusCode()).isEqualTo(500);
        assertThat(result.response().bodyAsString()).doesNotContain(SECRET);
    }
}
