package dev.apigw.runtime.gatewayresponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A gateway response body template. These are not VTL: API Gateway only substitutes {@code
 * $context.<name>} and {@code $stageVariables.<name>} references (reference 1.1 and 3.2); other
 * text, directives included, is copied as it is. Parsed once; a reference that resolves to nothing
 * renders as empty text.
 */
final class SubstitutionTemplate {
    private final List<String> literals;
    private final List<String> references;

    private SubstitutionTemplate(List<String> literals, List<String> references) {
        this.literals = literals;
        this.references = references;
    }

    static SubstitutionTemplate parse(String text) {
        List<String> literals = new ArrayList<>();
        List<String> references = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = referenceEnd(text, i);
            if (end > i) {
                literals.add(literal.toString());
                literal.setLength(0);
                references.add(text.substring(i + 1, end));
                i = end;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        literals.add(literal.toString());
        return new SubstitutionTemplate(List.copyOf(literals), List.copyOf(references));
    }

    /** Returns where a {@code $context.x} or {@code $stageVariables.x} reference at i ends. */
    private static int referenceEnd(String text, int i) {
        if (text.charAt(i) != '$') {
            return i;
        }
        int start;
        if (text.startsWith("context.", i + 1)) {
            start = i + 1 + "context.".length();
        } else if (text.startsWith("stageVariables.", i + 1)) {
            start = i + 1 + "stageVariables.".length();
        } else {
            return i;
        }
        int end = start;
        while (end < text.length() && isNamePart(text, end)) {
            end++;
        }
        return end == start ? i : end;
    }

    private static boolean isNamePart(String text, int i) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c) || c == '_') {
            return true;
        }
        return c == '.' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /** Renders with {@code resolve} giving each reference's value (or null) by its name. */
    String render(Function<String, String> resolve) {
        if (references.isEmpty()) {
            return literals.get(0);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < references.size(); i++) {
            out.append(literals.get(i));
            String value = resolve.apply(references.get(i));
            if (value != null) {
                out.append(value);
            }
        }
        return out.append(literals.get(references.size())).toString();
    }
}
