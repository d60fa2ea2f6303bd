package dev.apigw.runtime.mapping;

import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Makes {@code ==} and {@code !=} compare null as API Gateway does (reference 1.3, validated): a
 * missing path or a JSON {@code null} equals both {@code $null} and {@code ""}. Stock Velocity 2.4
 * has {@code null == $null} but not {@code null == ""}; this pass replaces, once when a template is
 * parsed, every equality node of the syntax tree by one that also treats empty text as equal to
 * null. A map or collection operand compares through {@link BoundedEquality} (issue 9 part 3).
 * Nothing else about the comparison changes.
 */
final class NullEquality {
    private NullEquality() {}

    /** Rewrites the equality nodes under {@code root}, before the tree is initialised. */
    static void apply(SimpleNode root) {
        for (int i = 0; i < root.jjtGetNumChildren(); i++) {
            Node child = root.jjtGetChild(i);
            Node replacement = child;
            if (child.getClass() == ASTEQNode.class) {
                replacement = new EqualsNode((ASTEQNode) child);
            } else if (child.getClass() == ASTNENode.class) {
                replacement = new NotEqualsNode((ASTNENode) child);
            }
            if (replacement != child) {
                root.jjtAddChild(replacement, i);
                replacement.jjtSetParent(root);
            }
            if (replacement instanceof SimpleNode) {
                apply((SimpleNode) replacement);
            }
        }
    }

    /** Returns whether a null compared with {@code other} is equal: null or empty text. */
    static boolean nullEquals(Object other) {
        return other == null
                || (other instanceof CharSequence && ((CharSequence) other).length() == 0);
    }

    /** {@code ==} with AWS's null rule. */
    static final class EqualsNode extends ASTEQNode {
        EqualsNode(ASTEQNode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
            adopt(this, original);
        }

        @Override
        public boolean compareNull(Object left, Object right) {
            return super.compareNull(left, right) || nullEquals(left == null ? right : left);
        }

        @Override
        public Boolean compareNumbers(Object left, Object right) {
            return SandboxNodes.containers(left, right) ? null : super.compareNumbers(left, right);
        }

        @Override
        public boolean compareNonNumber(Object left, Object right) {
            return BoundedText.needed(left) || BoundedText.needed(right)
                    ? BoundedEquality.equal(left, right)
                    : super.compareNonNumber(left, right);
        }
    }

    /** {@code !=} with AWS's null rule. */
    static final class NotEqualsNode extends ASTNENode {
        NotEqualsNode(ASTNENode original) {
            super(original.getType());
            parser = original.getParser();
            template = original.getTemplate();
            first = original.getFirstToken();
            last = original.getLastToken();
            adopt(this, original);
        }

        @Override
        public boolean compareNull(Object left, Object right) {
            return super.compareNull(left, right) || nullEquals(left == null ? right : left);
        }

        @Override
        public Boolean compareNumbers(Object left, Object right) {
            return SandboxNodes.containers(left, right) ? null : super.compareNumbers(left, right);
        }

        @Override
        public boolean compareNonNumber(Object left, Object right) {
            return BoundedText.needed(left) || BoundedText.needed(right)
                    ? BoundedEquality.equal(left, right)
                    : super.compareNonNumber(left, right);
        }
    }

    private static void adopt(ASTEQNode target, ASTEQNode original) {
        target.jjtSetParent(original.jjtGetParent());
        target.setInfo(original.getInfo());
        for (int j = 0; j < original.jjtGetNumChildren(); j++) {
            Node operand = original.jjtGetChild(j);
            target.jjtAddChild(operand, j);
            operand.jjtSetParent(target);
        }
    }
}
