package dev.apigw.testkit;

import dev.apigw.runtime.mapping.Body;
import dev.apigw.runtime.mapping.MappingTemplate;
import dev.apigw.runtime.mapping.Overrides;
import dev.apigw.runtime.mapping.Parameters;
import dev.apigw.runtime.mapping.TemplateEngine;
import dev.apigw.runtime.mapping.TemplateVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders one mapping template as API Gateway does, without building an {@code Api}: give it a
 * body, parameters, {@code $context} values and stage variables, and read the output and the {@code
 * requestOverride}/{@code responseOverride} values the template set (reference section 1). The
 * template is parsed once, when the tester is made, and fails there if it is invalid.
 *
 * <pre>{@code
 * TemplateTester.Result result = TemplateTester.forFile(Path.of("mappings/pet.vtl"))
 *         .body("{\"name\": \"Rex\"}")
 *         .pathParameter("petId", "7")
 *         .contextVariable("stage", "dev")
 *         .render();
 * assertThat(result.output()).isEqualTo("{\"id\": \"7\", \"name\": \"Rex\"}");
 * }</pre>
 *
 * <p>A tester collects its inputs as it is called: one tester per test, not shared between threads.
 */
public final class TemplateTester {
    private final MappingTemplate template;
    private String body = "";
    private final Map<String, String> path = new LinkedHashMap<>();
    private final Map<String, String> querystring = new LinkedHashMap<>();
    private final Map<String, String> header = new LinkedHashMap<>();
    private final Map<String, Object> context = new HashMap<>();
    private final Map<String, String> stageVariables = new LinkedHashMap<>();

    private TemplateTester(String place, String text) {
        this.template = TemplateEngine.create().compile(place, text);
        Map<String, Object> identity = new LinkedHashMap<>();
        for (String name :
                List.of(
                        "cognitoIdentityPoolId",
                        "accountId",
                        "cognitoIdentityId",
                        "caller",
                        "sourceIp",
                        "principalOrgId",
                        "accessKey",
                        "cognitoAuthenticationType",
                        "cognitoAuthenticationProvider",
                        "userArn",
                        "userAgent",
                        "user")) {
            identity.put(name, null);
        }
        context.put("identity", identity);
    }

    /** Returns a tester of this template text; fails if it does not parse or is over 300 KB. */
    public static TemplateTester forTemplate(String text) {
        return new TemplateTester("template", Objects.requireNonNull(text));
    }

    /** Returns a tester of the UTF-8 template in {@code file}. */
    public static TemplateTester forFile(Path file) {
        try {
            return new TemplateTester(
                    file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    /** Sets the payload {@code $input} reads (the request body, or an integration response). */
    public TemplateTester body(String body) {
        this.body = Objects.requireNonNull(body);
        return this;
    }

    /** Adds a path parameter ({@code $input.params('name')}). */
    public TemplateTester pathParameter(String name, String value) {
        path.put(name, value);
        return this;
    }

    /** Adds a query string parameter. */
    public TemplateTester queryParameter(String name, String value) {
        querystring.put(name, value);
        return this;
    }

    /** Adds a request header. */
    public TemplateTester header(String name, String value) {
        header.put(name, value);
        return this;
    }

    /**
     * Sets a {@code $context} variable; a dotted name sets a nested one ({@code identity.sourceIp},
     * {@code authorizer.principalId}). Unset identity fields are null, as on AWS.
     */
    @SuppressWarnings("unchecked")
    public TemplateTester contextVariable(String name, Object value) {
        String[] parts = name.split("\\.");
        Map<String, Object> map = context;
        for (int i = 0; i < parts.length - 1; i++) {
            map = (Map<String, Object>) map.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        }
        map.put(parts[parts.length - 1], value);
        return this;
    }

    /** Sets a stage variable. */
    public TemplateTester stageVariable(String name, String value) {
        stageVariables.put(name, value);
        return this;
    }

    /**
     * Renders the template with the inputs given so far. A template that fails at run time throws
     * {@link dev.apigw.runtime.mapping.TemplateException}, where API Gateway would answer 500 (or
     * 400 for a request body that is not JSON).
     */
    public Result render() {
        Overrides overrides = new Overrides();
        String output =
                template.render(
                        new TemplateVariables(
                                Body.of(body),
                                new Parameters(path, querystring, header),
                                context,
                                stageVariables,
                                overrides));
        return new Result(output, overrides);
    }

    /** What a rendering produced: the output and the overrides the template set. */
    public static final class Result {
        private final String output;
        private final Overrides overrides;

        private Result(String output, Overrides overrides) {
            this.output = output;
            this.overrides = overrides;
        }

        /** Returns the rendered text. */
        public String output() {
            return output;
        }

        /**
         * Returns the overrides set through {@code $context.requestOverride}/{@code
         * responseOverride}.
         */
        public Overrides overrides() {
            return overrides;
        }
    }
}
