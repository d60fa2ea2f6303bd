package dev.apigw.runtime.mapping;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.directive.Scope;

/**
 * The methods a mapping template may call (issue 9 part 3): an allowed list per kind of value
 * (text, number, boolean, character, map, collection, map entry, iterator, {@code $foreach}), and
 * on {@code $input} and {@code $util} only the methods those classes declare. Nothing else
 * resolves: {@code getClass}, {@code hashCode}, {@code wait} and {@code notify} of our objects,
 * {@code String.format} and {@code intern}, {@code Integer.getInteger} (a system property),
 * streams. A method of a map or collection that would compare or hash a map or collection argument
 * ({@code contains}, {@code get}, {@code equals}) does not resolve either: a list nested in itself
 * costs exponential time to compare. A refused call renders as nothing, as an unknown method does.
 */
final class TemplateSurface {
    private static final Set<String> TEXT =
            Set.of(
                    "charAt",
                    "codePointAt",
                    "codePointBefore",
                    "codePointCount",
                    "compareTo",
                    "compareToIgnoreCase",
                    "concat",
                    "contains",
                    "contentEquals",
                    "endsWith",
                    "equals",
                    "equalsIgnoreCase",
                    "hashCode",
                    "indexOf",
                    "isBlank",
                    "isEmpty",
                    "join",
                    "lastIndexOf",
                    "length",
                    "matches",
                    "regionMatches",
                    "repeat",
                    "replace",
                    "replaceAll",
                    "replaceFirst",
                    "split",
                    "startsWith",
                    "strip",
                    "stripLeading",
                    "stripTrailing",
                    "subSequence",
                    "substring",
                    "toLowerCase",
                    "toString",
                    "toUpperCase",
                    "trim",
                    "valueOf");
    private static final Set<String> NUMBER =
            Set.of(
                    "byteValue",
                    "shortValue",
                    "intValue",
                    "longValue",
                    "floatValue",
                    "doubleValue",
                    "toString",
                    "equals",
                    "hashCode",
                    "compareTo",
                    "isNaN",
                    "isInfinite",
                    "signum",
                    "abs",
                    "negate",
                    "intValueExact",
                    "longValueExact",
                    "parseInt",
                    "parseLong",
                    "parseDouble",
                    "parseFloat",
                    "valueOf",
                    "toHexString",
                    "toBinaryString",
                    "toOctalString",
                    "max",
                    "min",
                    "sum");
    private static final Set<String> BOOLEAN =
            Set.of(
                    "booleanValue",
                    "toString",
                    "equals",
                    "hashCode",
                    "compareTo",
                    "parseBoolean",
                    "valueOf");
    private static final Set<String> CHARACTER =
            Set.of(
                    "charValue",
                    "toString",
                    "equals",
                    "hashCode",
                    "compareTo",
                    "isDigit",
                    "isLetter",
                    "isLetterOrDigit",
                    "isWhitespace",
                    "isUpperCase",
                    "isLowerCase",
                    "toUpperCase",
                    "toLowerCase");
    private static final Set<String> MAP =
            Set.of(
                    "get",
                    "getOrDefault",
                    "containsKey",
                    "containsValue",
                    "size",
                    "isEmpty",
                    "keySet",
                    "values",
                    "entrySet",
                    "put",
                    "putAll",
                    "putIfAbsent",
                    "remove",
                    "clear",
                    "toString");
    private static final Set<String> SCOPE =
            Set.of(
                    "getIndex",
                    "getCount",
                    "hasNext",
                    "getHasNext",
                    "isFirst",
                    "getFirst",
                    "isLast",
                    "getLast",
                    "getParent",
                    "getTopmost",
                    "getReplaced",
                    "stop");
    private static final Set<String> SCOPE_AND_MAP = union(SCOPE, MAP);
    private static final Set<String> COLLECTION =
            Set.of(
                    "get",
                    "size",
                    "isEmpty",
                    "contains",
                    "containsAll",
                    "indexOf",
                    "lastIndexOf",
                    "subList",
                    "add",
                    "addAll",
                    "set",
                    "remove",
                    "clear",
                    "toString",
                    "iterator");
    private static final Set<String> ENTRY = Set.of("getKey", "getValue", "setValue", "toString");
    private static final Set<String> ITERATOR = Set.of("hasNext", "next");

    /** Methods of maps and collections that take a map or collection without comparing it. */
    private static final Set<String> STORING = Set.of("add", "addAll", "set", "putAll");

    private TemplateSurface() {}

    /** Returns whether a template may call {@code java} on {@code receiver} with {@code args}. */
    static boolean allows(Object receiver, Method java, Object[] args) {
        if (isHost(receiver)) {
            return java.getDeclaringClass() == receiver.getClass();
        }
        if (!allowed(receiver).contains(java.getName())) {
            return false;
        }
        return !(receiver instanceof Map || receiver instanceof Collection)
                || STORING.contains(java.getName())
                || !holdsCollection(args, java.getName());
    }

    /** Returns whether a template may read a property of {@code receiver} through a getter. */
    static boolean allowsGetter(Object receiver, String methodName) {
        if (isHost(receiver)) {
            try {
                return receiver.getClass().getMethod(methodName).getDeclaringClass()
                        == receiver.getClass();
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
        return allowed(receiver).contains(methodName);
    }

    private static boolean isHost(Object receiver) {
        return receiver instanceof Input || receiver instanceof Util;
    }

    private static boolean holdsCollection(Object[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            boolean value = i == 1 && (name.equals("put") || name.equals("putIfAbsent"));
            if (!value && BoundedText.needed(args[i])) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> allowed(Object receiver) {
        if (receiver instanceof String) {
            return TEXT;
        }
        if (receiver instanceof Number) {
            return NUMBER;
        }
        if (receiver instanceof Boolean) {
            return BOOLEAN;
        }
        if (receiver instanceof Character) {
            return CHARACTER;
        }
        if (receiver instanceof Scope) {
            return SCOPE_AND_MAP;
        }
        if (receiver instanceof Map) {
            return MAP;
        }
        if (receiver instanceof Collection || receiver.getClass().isArray()) {
            return COLLECTION;
        }
        if (receiver instanceof Map.Entry) {
            return ENTRY;
        }
        return receiver instanceof Iterator ? ITERATOR : Set.of();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
