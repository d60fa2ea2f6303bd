package dev.apigw.runtime.mapping;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Predicate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a JSONPath of a template so that no regular expression of it runs unbounded (issue 9
 * part 3). Jayway matches a filter's {@code =~ /re/flags} over a plain string, out of reach of any
 * deadline: so each filter {@code [?(...)]} that uses {@code =~} becomes a placeholder {@code [?]}
 * evaluated by a {@link FilterPredicate}, which gives the same result but matches within the
 * rendering's deadline. Other paths and filters compile as they are. A path where {@code =~} would
 * still reach Jayway (in a quoted name, or in a filter nested in a part of a filter that is not a
 * regular expression relation) is refused with {@link InvalidPathException} (docs/differences.md).
 * Stateless.
 */
final class BoundedJsonPath {
    private BoundedJsonPath() {}

    /** Returns the compiled path; fails with {@link InvalidPathException} as Jayway does. */
    static JsonPath compile(String path) {
        if (!path.contains(FilterText.REGEX)) {
            return JsonPath.compile(path);
        }
        StringBuilder rewritten = new StringBuilder(path.length());
        List<Predicate> predicates = new ArrayList<>();
        int copied = 0;
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '\'' || c == '"') {
                i = FilterText.skip(path, i);
                continue;
            }
            int open = c == '[' ? filterStart(path, i) : -1;
            if (open < 0) {
                i++;
                continue;
            }
            int close = FilterText.endOfGroup(path, open);
            int end = FilterText.skipBlanks(path, close);
            if (end >= path.length() || path.charAt(end) != ']') {
                i++;
                continue;
            }
            String filter = path.substring(open + 1, close - 1);
            if (filter.contains(FilterText.REGEX)) {
                rewritten.append(path, copied, i).append("[?]");
                predicates.add(FilterPredicate.compile(filter));
                copied = end + 1;
            }
            i = end + 1;
        }
        rewritten.append(path, copied, path.length());
        String text = rewritten.toString();
        if (text.contains(FilterText.REGEX)) {
            throw new InvalidPathException(
                    "=~ is supported only as a relation of a filter: " + path);
        }
        return JsonPath.compile(text, predicates.toArray(new Predicate[0]));
    }

    /** Returns the index of the {@code (} of a filter {@code [?(} starting at {@code i}; -1. */
    private static int filterStart(String path, int i) {
        int mark = FilterText.skipBlanks(path, i + 1);
        if (mark >= path.length() || path.charAt(mark) != '?') {
            return -1;
        }
        int open = FilterText.skipBlanks(path, mark + 1);
        return open < path.length() && path.charAt(open) == '(' ? open : -1;
    }
}
