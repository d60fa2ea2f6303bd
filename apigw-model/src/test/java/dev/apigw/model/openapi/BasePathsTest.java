package dev.apigw.model.openapi;

import static dev.apigw.model.openapi.Docs.importYaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.RestApi;
import org.junit.jupiter.api.Test;

class BasePathsTest {
    private static final String SWAGGER =
            """
            swagger: '2.0'
            info: {title: Based}
            basePath: /a/b/c
            paths:
              /e: {get: {x-amazon-apigateway-integration: {type: mock}}}
              /f: {get: {x-amazon-apigateway-integration: {type: mock}}}
            """;

    private static RestApi withMode(String yaml, BasePathMode mode) {
        return importYaml(yaml, ImportOptions.builder().basePath(mode).build()).api();
    }

    @Test
    void prefix_ignore_dropsBasePath() {
        assertThat(withMode(SWAGGER, BasePathMode.IGNORE).resources())
                .containsOnlyKeys("/", "/e", "/f");
    }

    @Test
    void prefix_prepend_addsBasePathWithIntermediateResources() {
        RestApi api = withMode(SWAGGER, BasePathMode.PREPEND);

        assertThat(api.resources())
                .containsOnlyKeys("/", "/a", "/a/b", "/a/b/c", "/a/b/c/e", "/a/b/c/f");
        assertThat(api.resource("/a/b").orElseThrow().methods()).isEmpty();
        assertThat(api.resource("/a/b/c/e").orElseThrow().methods()).containsOnlyKeys("GET");
    }

    @Test
    void prefix_split_dropsTopSegmentAndPrependsRest() {
        assertThat(withMode(SWAGGER, BasePathMode.SPLIT).resources())
                .containsOnlyKeys("/", "/b", "/b/c", "/b/c/e", "/b/c/f");
    }

    @Test
    void basePath_oas3ServerVariable_usesItsDefault() {
        String yaml =
                Docs.oas3(
                        "Var",
                        """
                servers:
                  - url: https://testdomain.com
                    variables: {basePath: {default: /base-var}}
                paths: {/test: {get: {x-amazon-apigateway-integration: {type: mock}}}}
                """);

        assertThat(withMode(yaml, BasePathMode.PREPEND).resources())
                .containsOnlyKeys("/", "/base-var", "/base-var/test");
    }

    @Test
    void basePath_oas3ServerUrlPath_splitDropsFirstSegment() {
        String yaml =
                Docs.oas3(
                        "Url",
                        """
                servers:
                  - url: https://testdomain.com/base-url/part/
                paths: {/test: {get: {x-amazon-apigateway-integration: {type: mock}}}}
                """);

        assertThat(withMode(yaml, BasePathMode.SPLIT).resources())
                .containsOnlyKeys("/", "/part", "/part/test");
    }

    @Test
    void basePath_urlVariables_takeDefaults() {
        String yaml =
                Docs.oas3(
                        "Stage",
                        """
                servers:
                  - url: https://{host}/{stage}/v1
                    variables: {host: {default: api.example.com}, stage: {default: prod}}
                paths: {/owls: {get: {x-amazon-apigateway-integration: {type: mock}}}}
                """);

        assertThat(withMode(yaml, BasePathMode.PREPEND).resources())
                .containsOnlyKeys("/", "/prod", "/prod/v1", "/prod/v1/owls");
    }

    @Test
    void normalize_variants_giveLeadingSlashNoTrailing() {
        assertThat(BasePaths.normalize("v1/")).isEqualTo("/v1");
        assertThat(BasePaths.normalize("/")).isEmpty();
        assertThat(BasePaths.normalize("")).isEmpty();
    }
}
