package dev.apigw.runtime.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code String.matches}, {@code replaceAll}, {@code replaceFirst} and {@code split} as a template
 * calls them, with the same results, but over a {@link DeadlineCharSequence} (a pattern that
 * backtracks catastrophically fails at the time budget) and with their results bounded before they
 * are built ({@link Sizes}): a replacement that would pass the text limit, or a split into more
 * pieces than the collection limit, fails the template.
 */
final class BoundedRegex {
    private final TemplateLimits limits;

    BoundedRegex(TemplateLimits limits) {
        this.limits = limits;
    }

    boolean matches(String text, String regex) {
        return matcher(text, regex).matches();
    }

    String replaceAll(String text, String regex, String replacement) {
        return replace(text, regex, replacement, true);
    }

    String replaceFirst(String text, String regex, String replacement) {
        return replace(text, regex, replacement, false);
    }

    String[] split(String text, String regex, int limit) {
        if (limit <= 0 || limit > TemplateEngine.MAX_COLLECTION_SIZE) {
            Matcher counter = matcher(text, regex);
            long pieces = 1;
            while (counter.find()) {
                Sizes.checkElements(++pieces, "split");
            }
        }
        return Pattern.compile(regex).split(new DeadlineCharSequence(text, limits), limit);
    }

    private String replace(String text, String regex, String replacement, boolean all) {
        Matcher matcher = matcher(text, regex);
        long references = replacement.chars().filter(c -> c == '$').count();
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            long growth =
                    (matcher.start() - last)
                            + replacement.length()
                            + references * widestGroup(matcher);
            Sizes.checkText(out.length() + growth, "replaceAll");
            matcher.appendReplacement(out, replacement);
            last = matcher.end();
            if (!all) {
                break;
            }
        }
        Sizes.checkText((long) out.length() + text.length() - last, "replaceAll");
        matcher.appendTail(out);
        return out.toString();
    }

    private static int widestGroup(Matcher matcher) {
        int widest = 0;
        for (int group = 0; group <= matcher.groupCount(); group++) {
            if (matcher.start(group) >= 0) {
                widest = Math.max(widest, matcher.end(group) - matcher.start(group));
            }
        }
        return widest;
    }

    private Matcher matcher(String text, String regex) {
        return Pattern.compile(regex).matcher(new DeadlineCharSequence(text, limits));
    }
}
