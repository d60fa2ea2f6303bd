package dev.apigw.runtime.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.parser.node.ASTAddNode;
import org.apache.velocity.runtime.parser.node.ASTDivNode;
import org.apache.velocity.runtime.parser.node.ASTGENode;
import org.apache.velocity.runtime.parser.node.ASTGTNode;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.ASTLENode;
import org.apache.velocity.runtime.parser.node.ASTLTNode;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTModNode;
import org.apache.velocity.runtime.parser.node.ASTMulNode;
import org.apache.velocity.runtime.parser.node.ASTSubtractNode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Bounds the syntax nodes whose work the uberspector does not see (issue 9 part 3): once when a
 * template is parsed, every method call is replaced by one that counts a step of the rendering's
 * {@link RenderBudget} (so that a line of calls on literals is bounded in time), every {@code +} by
 * one that counts a step and checks the length of a string it would join (and prints a map or
 * collection operand with a bound), and every {@code *} by one that counts a step and checks the
 * size of the number it would build. Velocity turns any other operand of arithmetic, of {@code <},
 * {@code >}, {@code <=}, {@code >=} and of a range {@code [a..b]} into a number through its
 * unbounded text; here a map or collection operand fails the arithmetic (Velocity would log an
 * error and give null), is no number to the comparisons (which then give false, as Velocity's do)
 * and gives no range. Nothing else changes.
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
            } else {
                replacement = containerSafe((SimpleNode) child);
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

    private static SimpleNode containerSafe(SimpleNode child) {
        Class<?> type = child.getClass();
        SimpleNode safe =
                type == ASTSubtractNode.class
                        ? new Subtract(child)
                        : type == ASTDivNode.class
                                ? new Divide(child)
                                : type == ASTModNode.class
                                        ? new Modulo(child)
                                        : type == ASTLTNode.class
                                                ? new LessThan(child)
                                                : type == ASTGTNode.class
                                                        ? new GreaterThan(child)
                                                        : type == ASTLENode.class
                                                                ? new LessOrEqual(child)
                                                                : type == ASTGENode.class
                                                                        ? new GreaterOrEqual(child)
                                                                        : type
                                                                                        == ASTIntegerRange
                                                                                                .class
                                                                                ? new Range(child)
                                                                                : null;
        return safe == null ? null : adopt(safe, child);
    }

    /** Fails arithmetic with a map or collection operand; counts a step. */
    static Object refuseContainers(Object left, Object right, InternalContextAdapter context) {
        RenderBudget.tick(context);
        if (BoundedText.needed(left) || BoundedText.needed(right)) {
            throw new RenderLimitException("arithmetic on a map or collection");
        }
        return null;
    }

    /** Returns null, no number, when an operand is a map or a collection. */
    static boolean containers(Object left, Object right) {
        return BoundedText.needed(left) || BoundedText.needed(right);
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
            Object value = super.execute(o, context);
            RenderBudget.checkDeadline(context);
            return value;
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
        protected Object handleSpecial(Object left, Object right, InternalContextAdapter context) {
            RenderBudget.tick(context);
            if ((left instanceof CharSequence || right instanceof CharSequence)
                    && left != null
                    && right != null) {
                String l = BoundedText.of(left);
                String r = BoundedText.of(right);
                Sizes.checkText((long) l.length() + r.length(), "+");
                return super.handleSpecial(l, r, context);
            }
            refuseContainers(left, right, context);
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
        protected Object handleSpecial(Object left, Object right, InternalContextAdapter context) {
            return refuseContainers(left, right, context);
        }

        @Override
        public Number perform(Number left, Number right, InternalContextAdapter context) {
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

    /** {@code -} that refuses a map or collection operand. */
    static final class Subtract extends ASTSubtractNode {
        Subtract(SimpleNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        protected Object handleSpecial(Object left, Object right, InternalContextAdapter context) {
            return refuseContainers(left, right, context);
        }
    }

    /** {@code /} that refuses a map or collection operand. */
    static final class Divide extends ASTDivNode {
        Divide(SimpleNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        protected Object handleSpecial(Object left, Object right, InternalContextAdapter context) {
            return refuseContainers(left, right, context);
        }
    }

    /** {@code %} that refuses a map or collection operand. */
    static final class Modulo extends ASTModNode {
        Modulo(SimpleNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        protected Object handleSpecial(Object left, Object right, InternalContextAdapter context) {
            return refuseContainers(left, right, context);
        }
    }

    /** {@code <} for which a map or collection is no number. */
    static final class LessThan extends ASTLTNode {
        LessThan(SimpleNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        public Boolean compareNumbers(Object left, Object right) {
            return containers(left, right) ? null : super.compareNumbers(left, right);
        }
    }

    /** {@code >} for which a map or collection is no number. */
    static final class GreaterThan extends ASTGTNode {
        GreaterThan(SimpleNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        public Boolean compareNumbers(Object left, Object right) {
            return containers(left, right) ? null : super.compareNumbers(left, right);
        }
    }

    /** {@code <=} for which a map or collection is no number. */
    static final class LessOrEqual extends ASTLENode {
        LessOrEqual(SimpleNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        public Boolean compareNumbers(Object left, Object right) {
            return containers(left, right) ? null : super.compareNumbers(left, right);
        }
    }

    /** {@code >=} for which a map or collection is no number. */
    static final class GreaterOrEqual extends ASTGENode {
        GreaterOrEqual(SimpleNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        public Boolean compareNumbers(Object left, Object right) {
            return containers(left, right) ? null : super.compareNumbers(left, right);
        }
    }

    /**
     * {@code [a..b]} that gives no range for a map or collection end. Its ends are evaluated once
     * here and again by Velocity: they are literals or references.
     */
    static final class Range extends ASTIntegerRange {
        Range(SimpleNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
        }

        @Override
        public Object value(InternalContextAdapter context) {
            if (containers(jjtGetChild(0).value(context), jjtGetChild(1).value(context))) {
                return null;
            }
            return super.value(context);
        }
    }
}
