package dev.apigw.runtime.mapping;

import java.io.IOException;
import java.io.Writer;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.directive.Foreach;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * {@code #foreach} as API Gateway runs it (reference 1.1): at most {@value
 * TemplateEngine#MAX_LOOPS} iterations (Velocity's own {@code directive.foreach.max_loops} stops
 * the loop); a loop cut short is noted for the execution trace. Each iteration counts a step of the
 * rendering's {@link RenderBudget} (nested loops). Public only because Velocity instantiates it by
 * class name.
 */
public final class LimitedForeach extends Foreach {
    /** Creates the directive. */
    public LimitedForeach() {}

    @Override
    protected void renderBlock(InternalContextAdapter context, Writer writer, Node node)
            throws IOException {
        RenderBudget.tick(context);
        super.renderBlock(context, writer, node);
        Object scope = context.get(getScopeName());
        if (scope instanceof ForeachScope
                && ((ForeachScope) scope).getCount() == TemplateEngine.MAX_LOOPS
                && ((ForeachScope) scope).hasNext()) {
            Object report = context.get(RenderReport.KEY);
            if (report instanceof RenderReport) {
                ((RenderReport) report)
                        .note(
                                "#foreach at line "
                                        + node.getLine()
                                        + " stopped after "
                                        + TemplateEngine.MAX_LOOPS
                                        + " iterations");
            }
        }
    }
}
