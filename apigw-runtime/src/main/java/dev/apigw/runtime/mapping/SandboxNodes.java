package dev.apigw.runtime.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.parser.node.ASTAddNode;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTMulNode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Bounds the syntax nodes whose work the uberspector does not see (issue 9 part 3): once when
 * a template is parsed, every method call is replaced by one that counts a step of the
 * rendering's {@link RenderBudget} (so that a line of calls on literals is bounded in time),
 * every {@code +} by one that counts a step and checks the length of a string it would join
 * (and prints a map or collection operand with a bound), and every {@code *} by one that counts
 * a step and checks the size of the number it would build. Nothing else about them changes.
 */
final class SandboxNodes {
    private SandboxNodes() {}

    /** Rewrites the nodes under {@code root}, before the tree is initialised. */
    static void apply(SimpleNode root) {
        for (int i = 0; i < root.jjtGetNumChildren(); i++) {
            Node child = root.jjtGetChild(i);
            SimpleNode replacement = null;
            if (child.getClass() == ASTMethod.class) {
                replacement = adopt(new CountedMethod((ASTMethod) child), (SimpleNode) child);
            } else if (child.getClass() == ASTAddNode.class) {
                replacement = adopt(new BoundedAdd((ASTAddNode) child), (SimpleNode) child);
            } else if (child.getClass() == ASTMulNode.class) {
                replacement = adopt(new BoundedMultiply((ASTMulNode) child), (SimpleNode) child);
            }
            if (replacement != null) {
                root.jjtAddChild(replacement, i);
                child = replacement;
            }
            if (child instanceof SimpleNode) {
                apply((SimpleNode) child);
            }
        }
    }

    private static SimpleNode adopt(SimpleNode target, SimpleNode original) {
        target.jjtSetParent(original.jjtGetParent());
        target.setInfo(original.getInfo());
        for (int j = 0; j < original.jjtGetNumChildren(); j++) {
            Node operand = original.jjtGetChild(j);
            target.jjtAddChild(operand, j);
            operand.jjtSetParent(target);
        }
        return target;
    }

    /** A method call that counts a step. */
    static final class CountedMethod extends ASTMethod {
        CountedMethod(ASTMethod original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        public Object execute(Object o, InternalContextAdapter context) {
            RenderBudget.tick(context);
            return super.execute(o, context);
        }
    }

    /** {@code +} within the text limit. */
    static final class BoundedAdd extends ASTAddNode {
        BoundedAdd(ASTAddNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        protected Object handleSpecial(Object left, Object right,
                InternalContextAdapter context) {
            RenderBudget.tick(context);
            if ((left instanceof CharSequence || right instanceof CharSequence)
                    && left != null && right != null) {
                String l = BoundedText.of(left);
                String r = BoundedText.of(right);
                Sizes.checkText((long) l.length() + r.length(), "+");
                return super.handleSpecial(l, r, context);
            }
            return super.handleSpecial(left, right, context);
        }
    }

    /** {@code *} within the number limit. */
    static final class BoundedMultiply extends ASTMulNode {
        BoundedMultiply(ASTMulNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        public Number perform(Number left, Number right, InternalContextAdapter context) {
            RenderBudget.tick(context);
            Sizes.checkBits(bits(left) + bits(right), "*");
            return super.perform(left, right, context);
        }

        private static long bits(Number n) {
            if (n instanceof BigInteger) {
                return ((BigInteger) n).bitLength();
            }
            if (n instanceof BigDecimal) {
                BigDecimal d = (BigDecimal) n;
                return d.unscaledValue().bitLength() + 4L * Math.abs((long) d.scale());
            }
            return Long.SIZE;
        }
    }
}
