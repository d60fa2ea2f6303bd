package dev.apigw.runtime.httpapi;

import dev.apigw.runtime.Headers;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP API parameter mapping (reference 5.5), parsed from its key and value when the API is
 * built: {@code append|overwrite|remove:header.<name>}, {@code
 * append|overwrite|remove:querystring.<name>} and {@code overwrite:path} on the request side;
 * {@code append|overwrite|remove:header.<name>} and {@code overwrite:statuscode} on the response
 * side. The value of a {@code remove} is not read. Immutable.
 *
 * @param action what the mapping does
 * @param target what it changes
 * @param name the header or query parameter name; empty for the path and the status code
 * @param value the value; null for a {@code remove}
 */
record ParameterMapping(Action action, Target target, String name, MappingValue value) {
    /** What a mapping does to its target. */
    enum Action {
        /** Adds a value. */
        APPEND,
        /** Replaces every value. */
        OVERWRITE,
        /** Removes the target. */
        REMOVE
    }

    /** What a mapping changes. */
    enum Target {
        /** A header of the integration request, or of the answer. */
        HEADER,
        /** A query string parameter of the integration request. */
        QUERYSTRING,
        /** The integration request's path. */
        PATH,
        /** The answer's status code. */
        STATUSCODE
    }

    private static final Pattern KEY =
            Pattern.compile("(append|overwrite|remove):(header|querystring)\\.([^\\s]+)");
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");

    /** The headers no mapping may change (reference 5.5). */
    private static final Set<String> RESERVED =
            Set.of(
                    "authorization",
                    "connection",
                    "content-encoding",
                    "content-length",
                    "content-location",
                    "forwarded",
                    "keep-alive",
                    "origin",
                    "proxy-authenticate",
                    "proxy-authorization",
                    "te",
                    "trailers",
                    "transfer-encoding",
                    "upgrade",
                    "x-forwarded-for",
                    "x-forwarded-host",
                    "x-forwarded-proto",
                    "via");

    private static final String[] RESERVED_PREFIXES = {
        "access-control-", "apigw-", "x-amz-", "x-amzn-"
    };

    /**
     * Parses a request mapping; fails with {@link IllegalArgumentException} for a malformed key, a
     * reserved header, or a value that does not parse or reads the response.
     */
    static ParameterMapping request(String key, String value) {
        if (key.equals("overwrite:path")) {
            return new ParameterMapping(Action.OVERWRITE, Target.PATH, "", value(key, value));
        }
        return named(key, value, false);
    }

    /**
     * Parses a response mapping; fails with {@link IllegalArgumentException} for a malformed key, a
     * reserved header, a static status code outside 100 to 599, or a value that does not parse or
     * reads the request.
     */
    static ParameterMapping response(String key, String value) {
        if (key.equals("overwrite:statuscode")) {
            MappingValue status = value(key, value);
            if (status.isStatic() && !STATUS.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        key + ": invalid status code " + value + " (100 to 599)");
            }
            if (status.readsRequest()) {
                throw readsOtherSide(key, value, "$request");
            }
            return new ParameterMapping(Action.OVERWRITE, Target.STATUSCODE, "", status);
        }
        ParameterMapping mapping = named(key, value, true);
        if (mapping.target() != Target.HEADER) {
            throw new IllegalArgumentException(
                    "invalid response parameter key "
                            + key
                            + " (append|overwrite|remove:header.<name> or overwrite:statuscode)");
        }
        return mapping;
    }

    private static ParameterMapping named(String key, String value, boolean response) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "invalid parameter mapping key "
                            + key
                            + " (append|overwrite|remove:header.<name>,"
                            + " append|overwrite|remove:querystring.<name> or overwrite:path)");
        }
        Action action = Action.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        Target target = m.group(2).equals("header") ? Target.HEADER : Target.QUERYSTRING;
        String name = m.group(3);
        if (target == Target.HEADER && !Headers.isValidName(name)) {
            throw new IllegalArgumentException(key + ": invalid header name " + name);
        }
        if (target == Target.HEADER && isReserved(name)) {
            throw new IllegalArgumentException(
                    key + ": the header " + name + " is reserved and cannot be mapped");
        }
        if (action == Action.REMOVE) {
            return new ParameterMapping(action, target, name, null);
        }
        MappingValue mapped = value(key, value);
        if (response ? mapped.readsRequest() : mapped.readsResponse()) {
            throw readsOtherSide(key, value, response ? "$request" : "$response");
        }
        return new ParameterMapping(action, target, name, mapped);
    }

    private static MappingValue value(String key, String value) {
        try {
            return MappingValue.compile(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException readsOtherSide(String key, String value, String side) {
        return new IllegalArgumentException(
                key + ": the value " + value + " cannot read " + side + " variables here");
    }

    /** Returns whether no mapping may change the header {@code name} (reference 5.5). */
    static boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : RESERVED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return RESERVED.contains(lower);
    }
}
