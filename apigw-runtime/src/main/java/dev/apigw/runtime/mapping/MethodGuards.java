package dev.apigw.runtime.mapping;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The checks of the methods that can grow a string, a collection or a rendering's time without
 * bound (issue 9 part 3): {@code concat}, {@code repeat}, {@code replace} and {@code join} check
 * the length they would build before building it; the regular-expression methods run through {@link
 * BoundedRegex}; {@code add}, {@code addAll}, {@code put}, {@code putAll} and {@code putIfAbsent}
 * check the size a collection would reach; {@code toString} and {@code String.valueOf} of a
 * collection print it through {@link BoundedText}.
 */
final class MethodGuards {
    private final BoundedRegex regex;

    MethodGuards(BoundedRegex regex) {
        this.regex = regex;
    }

    /** Returns the guard of {@code java} called on {@code receiver}; null when it needs none. */
    GuardedMethod.Guard of(Object receiver, Method java) {
        String name = java.getName();
        if (receiver instanceof String) {
            return ofString(name, java);
        }
        if (receiver instanceof Map) {
            return ofMap(name);
        }
        if (receiver instanceof Collection) {
            return ofCollection(name);
        }
        return null;
    }

    private GuardedMethod.Guard ofString(String name, Method java) {
        switch (name) {
            case "concat":
                return (m, o, a) -> {
                    Sizes.checkText(length(o) + length(a[0]), "concat");
                    return m.invoke(o, a);
                };
            case "repeat":
                return (m, o, a) -> {
                    Sizes.checkText(length(o) * Math.max(0, count(a[0])), "repeat");
                    return m.invoke(o, a);
                };
            case "replace":
                return java.getParameterTypes()[0] == char.class
                        ? null
                        : (m, o, a) -> {
                            Sizes.checkText(replacedLength((String) o, a[0], a[1]), "replace");
                            return m.invoke(o, a);
                        };
            case "join":
                return (m, o, a) -> {
                    Sizes.checkText(joinedLength(a), "join");
                    return m.invoke(o, a);
                };
            case "valueOf":
                return (m, o, a) ->
                        a.length == 1 && BoundedText.needed(a[0])
                                ? BoundedText.of(a[0])
                                : m.invoke(o, a);
            case "matches":
                return (m, o, a) -> regex.matches((String) o, text(a[0]));
            case "replaceAll":
                return (m, o, a) -> regex.replaceAll((String) o, text(a[0]), text(a[1]));
            case "replaceFirst":
                return (m, o, a) -> regex.replaceFirst((String) o, text(a[0]), text(a[1]));
            case "split":
                return (m, o, a) ->
                        regex.split(
                                (String) o,
                                text(a[0]),
                                a.length > 1 ? ((Number) a[1]).intValue() : 0);
            default:
                return null;
        }
    }

    private static GuardedMethod.Guard ofMap(String name) {
        switch (name) {
            case "put":
            case "putIfAbsent":
                return (m, o, a) -> {
                    Map<?, ?> map = (Map<?, ?>) o;
                    if (!map.containsKey(a[0])) {
                        Sizes.checkElements(map.size() + 1L, name);
                    }
                    return m.invoke(o, a);
                };
            case "putAll":
                return (m, o, a) -> {
                    Sizes.checkElements((long) ((Map<?, ?>) o).size() + size(a[0]), name);
                    return m.invoke(o, a);
                };
            case "toString":
                return (m, o, a) -> BoundedText.of(o);
            default:
                return null;
        }
    }

    private static GuardedMethod.Guard ofCollection(String name) {
        switch (name) {
            case "add":
                return (m, o, a) -> {
                    Sizes.checkElements(((Collection<?>) o).size() + 1L, name);
                    return m.invoke(o, a);
                };
            case "addAll":
                return (m, o, a) -> {
                    Sizes.checkElements(
                            (long) ((Collection<?>) o).size() + size(a[a.length - 1]), name);
                    return m.invoke(o, a);
                };
            case "toString":
                return (m, o, a) -> BoundedText.of(o);
            default:
                return null;
        }
    }

    private static long length(Object text) {
        return text instanceof CharSequence ? ((CharSequence) text).length() : 0;
    }

    private static long size(Object items) {
        if (items instanceof Collection) {
            return ((Collection<?>) items).size();
        }
        return items instanceof Map ? ((Map<?, ?>) items).size() : 0;
    }

    private static long count(Object number) {
        if (number instanceof Number) {
            return ((Number) number).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(number).trim());
        } catch (NumberFormatException e) {
            return 0; // the method itself refuses it
        }
    }

    private static String text(Object value) {
        return value == null || value instanceof String ? (String) value : BoundedText.of(value);
    }

    private static long replacedLength(String text, Object target, Object replacement) {
        if (!(target instanceof CharSequence) || !(replacement instanceof CharSequence)) {
            return text.length();
        }
        String find = target.toString();
        long count = 0;
        if (find.isEmpty()) {
            count = text.length() + 1L;
        } else {
            int at = text.indexOf(find);
            while (at >= 0) {
                count++;
                at = text.indexOf(find, at + find.length());
            }
        }
        return text.length() + count * (length(replacement) - find.length());
    }

    private static long joinedLength(Object[] args) {
        long total = 0;
        long parts = 0;
        for (int i = 1; i < args.length; i++) {
            Iterable<?> items =
                    args[i] instanceof Iterable
                            ? (Iterable<?>) args[i]
                            : args[i] instanceof Object[]
                                    ? Arrays.asList((Object[]) args[i])
                                    : List.of(args[i] == null ? "" : args[i]);
            for (Object item : items) {
                total += length(item);
                parts++;
            }
        }
        return total + Math.max(0, parts - 1) * length(args[0]);
    }
}
