package dev.apigw.runtime.mapping;

import java.io.Writer;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.directive.Directive;
import org.apache.velocity.runtime.directive.DirectiveConstants;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * {@code #evaluate} fails the template: it would parse text at run time past the checks {@link
 * SandboxNodes} adds when a template is parsed, and a community report says it does not work on API
 * Gateway either (docs/differences.md). Public only because Velocity instantiates it by class name.
 */
public final class NoEvaluate extends Directive {
    /** Creates the directive. */
    public NoEvaluate() {}

    @Override
    public String getName() {
        return "evaluate";
    }

    @Override
    public int getType() {
        return DirectiveConstants.LINE;
    }

    @Override
    public boolean render(InternalContextAdapter context, Writer writer, Node node) {
        throw new RenderLimitException("#evaluate is not supported in mapping templates");
    }
}
