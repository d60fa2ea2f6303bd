package dev.apigw.runtime.mapping;

import java.util.HashMap;
import java.util.Map;

/** Renders a template text over a body, as the tests of this package need. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.create();

    String render(String template, String body) {
        return render(template, body, new Overrides());
    }

    String render(String template, String body, Overrides overrides) {
        Map<String, Object> context = new HashMap<>();
        context.put("stage", "beta");
        return engine.compile("test template", template)
                .render(
                        new TemplateVariables(
                                Body.of(body), Parameters.none(), context, Map.of(), overrides));
    }
}
