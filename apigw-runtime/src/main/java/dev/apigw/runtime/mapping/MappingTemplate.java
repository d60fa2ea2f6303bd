package dev.apigw.runtime.mapping;

import java.io.StringWriter;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;

/** A mapping template parsed once by a {@link TemplateEngine}; renders per request. */
public final class MappingTemplate {
    private final Template template;

    MappingTemplate(Template template) {
        this.template = template;
    }

    /**
     * Renders with these variables. A template that fails at run time (a method that throws,
     * a loop over the limit) throws {@link TemplateException}.
     */
    public String render(TemplateVariables variables) {
        VelocityContext context = new VelocityContext();
        context.put("input", variables.input());
        context.put("context", variables.context());
        context.put("stageVariables", variables.stageVariables());
        context.put("util", Util.INSTANCE);
        StringWriter out = new StringWriter();
        try {
            template.merge(context, out);
        } catch (RuntimeException e) {
            throw new TemplateException(template.getName() + ": " + e.getMessage(), e);
        }
        return out.toString();
    }
}
