package dev.apigw.runtime.mapping;

import java.util.function.Consumer;
import org.apache.velocity.Template;

/**
 * A mapping template parsed once by a {@link TemplateEngine}; renders per request (reference
 * section 1). Thread-safe.
 */
public final class MappingTemplate {
    private final Template template;
    private final JsonPaths paths;
    private final RenderContext.Introspection introspection = new RenderContext.Introspection();
    private final TemplateLimits limits;
    private final String failure;

    MappingTemplate(Template template, JsonPaths paths, TemplateLimits limits) {
        this(template, paths, limits, null);
    }

    private MappingTemplate(
            Template template, JsonPaths paths, TemplateLimits limits, String failure) {
        this.template = template;
        this.paths = paths;
        this.limits = limits;
        this.failure = failure;
    }

    /** Returns a template that fails every rendering with {@code reason} (it did not parse). */
    static MappingTemplate failing(String place, String reason) {
        Template named = new Template();
        named.setName(place);
        return new MappingTemplate(named, null, null, reason);
    }

    /**
     * Renders with these variables. A template that fails at run time (a method that throws, output
     * over {@link TemplateEngine#MAX_OUTPUT_CHARS}, a rendering past its time or work budget or
     * about to build something too large) throws {@link TemplateException}.
     */
    public String render(TemplateVariables variables) {
        return render(variables, line -> {});
    }

    /**
     * Renders with these variables and tells {@code trace} what the execution trace should show (a
     * {@code #foreach} stopped at its limit).
     */
    public String render(TemplateVariables variables, Consumer<String> trace) {
        if (failure != null) {
            throw new TemplateException(
                    TemplateException.Failure.TEMPLATE_ERROR,
                    template.getName() + ": " + failure,
                    null);
        }
        RenderReport report = new RenderReport();
        RenderBudget budget = new RenderBudget(limits);
        RenderContext velocity =
                RenderContext.of(
                        introspection,
                        new Input(variables.body(), variables.parameters(), paths, budget),
                        new TemplateContext(variables.context(), variables.overrides()),
                        variables.stageVariables(),
                        report,
                        budget);
        BoundedWriter out = new BoundedWriter();
        try {
            template.merge(velocity, out);
        } catch (RuntimeException | StackOverflowError e) {
            throw failure(e);
        } catch (OutOfMemoryError e) {
            // a backstop only: every growing method checks its size first (TemplateEngine)
            throw failure(e);
        } finally {
            report.notes().forEach(trace);
        }
        return out.toString();
    }

    private TemplateException failure(Throwable e) {
        Throwable root = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyNotJsonException) {
                return new TemplateException(
                        TemplateException.Failure.BODY_NOT_JSON, cause.getMessage(), e);
            }
            root = cause;
        }
        String detail = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root;
        return new TemplateException(
                TemplateException.Failure.TEMPLATE_ERROR, template.getName() + ": " + detail, e);
    }
}
