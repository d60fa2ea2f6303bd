package dev.apigw.runtime.mapping;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code ==} and {@code !=} of two values of which one is a map or a collection, as Velocity
 * compares them ({@code equals} when one class is assignable from the other, else their text) but
 * counting the elements it visits: two lists nested in themselves forty times hold 80 elements each
 * and compare in 2<sup>40</sup> steps, so past {@link TemplateEngine#MAX_COLLECTION_SIZE} elements
 * the comparison fails the template (issue 9 part 3). Belongs to one comparison: not thread-safe.
 */
final class BoundedEquality {
    private long visited;

    private BoundedEquality() {}

    /** Returns whether Velocity's {@code ==} holds for {@code left} and {@code right}. */
    static boolean equal(Object left, Object right) {
        if (left.getClass().isAssignableFrom(right.getClass())
                || right.getClass().isAssignableFrom(left.getClass())) {
            return new BoundedEquality().same(left, right);
        }
        return BoundedText.of(left).equals(BoundedText.of(right));
    }

    private boolean same(Object a, Object b) {
        Sizes.checkElements(++visited, "comparing");
        if (a == b) {
            return true;
        }
        if (a instanceof List && b instanceof List) {
            return sameLists((List<?>) a, (List<?>) b);
        }
        if (a instanceof Map && b instanceof Map) {
            return sameMaps((Map<?, ?>) a, (Map<?, ?>) b);
        }
        return a != null && a.equals(b); // a set, or a value that is not a container
    }

    private boolean sameLists(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> other = b.iterator();
        for (Object element : a) {
            if (!same(element, other.next())) {
                return false;
            }
        }
        return true;
    }

    private boolean sameMaps(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : a.entrySet()) {
            if (BoundedText.needed(entry.getKey())
                    || !b.containsKey(entry.getKey())
                    || !same(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
