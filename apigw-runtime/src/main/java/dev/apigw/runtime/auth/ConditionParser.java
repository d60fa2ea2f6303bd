package dev.apigw.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Parses a statement's {@code Condition} block (reference 8.8): string operators ({@code
 * StringEquals}, {@code StringNotEquals}, {@code StringEqualsIgnoreCase}, {@code
 * StringNotEqualsIgnoreCase}, {@code StringLike}, {@code StringNotLike}), {@code IpAddress} and
 * {@code NotIpAddress} (IPv4 and IPv6 CIDRs), date operators ({@code DateEquals}, {@code
 * DateNotEquals}, {@code DateLessThan}, {@code DateLessThanEquals}, {@code DateGreaterThan}, {@code
 * DateGreaterThanEquals}) and {@code Bool}, each also with the {@code IfExists} suffix. Any other
 * operator fails the parse with a message naming its place, as IAM refuses to store a policy with
 * an operator it does not know.
 */
final class ConditionParser {
    private static final Map<String, Boolean> STRING_OPERATORS =
            Map.of(
                    "StringEquals", false,
                    "StringNotEquals", true,
                    "StringEqualsIgnoreCase", false,
                    "StringNotEqualsIgnoreCase", true,
                    "StringLike", false,
                    "StringNotLike", true,
                    "Bool", false);
    private static final Map<String, BiPredicate<Instant, Instant>> DATE_OPERATORS =
            Map.of(
                    "DateEquals", Instant::equals,
                    "DateNotEquals", Instant::equals,
                    "DateLessThan", Instant::isBefore,
                    "DateLessThanEquals", (request, value) -> !request.isAfter(value),
                    "DateGreaterThan", Instant::isAfter,
                    "DateGreaterThanEquals", (request, value) -> !request.isBefore(value));

    private ConditionParser() {}

    /** Parses the {@code Condition} object found at {@code place}. */
    static List<Condition> parse(JsonNode block, String place) {
        if (!block.isObject()) {
            throw PolicyDocument.malformed(place, "must be an object");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operator : block.properties()) {
            String where = place + "." + operator.getKey();
            if (!operator.getValue().isObject()) {
                throw PolicyDocument.malformed(where, "must be an object");
            }
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                conditions.add(
                        condition(
                                operator.getKey(),
                                key.getKey(),
                                key.getValue(),
                                where + "." + key.getKey()));
            }
        }
        return List.copyOf(conditions);
    }

    private static Condition condition(String operator, String key, JsonNode node, String place) {
        boolean ifExists = operator.endsWith("IfExists");
        String base = ifExists ? operator.substring(0, operator.length() - 8) : operator;
        List<String> values = values(node, place);
        Predicate<String> matcher;
        boolean negated;
        if (STRING_OPERATORS.containsKey(base)) {
            negated = STRING_OPERATORS.get(base);
            matcher = anyOf(values, stringMatcher(base));
        } else if (base.equals("IpAddress") || base.equals("NotIpAddress")) {
            negated = base.equals("NotIpAddress");
            List<IpRange> ranges = new ArrayList<>();
            for (String value : values) {
                ranges.add(
                        IpRange.parse(value)
                                .orElseThrow(
                                        () ->
                                                PolicyDocument.malformed(
                                                        place,
                                                        "'"
                                                                + value
                                                                + "' is not an IP address or CIDR block")));
            }
            matcher = ip -> ranges.stream().anyMatch(range -> range.contains(ip));
        } else if (DATE_OPERATORS.containsKey(base)) {
            negated = base.equals("DateNotEquals");
            BiPredicate<Instant, Instant> compare = DATE_OPERATORS.get(base);
            List<Instant> dates = new ArrayList<>();
            for (String value : values) {
                dates.add(
                        date(value)
                                .orElseThrow(
                                        () ->
                                                PolicyDocument.malformed(
                                                        place, "'" + value + "' is not a date")));
            }
            matcher =
                    text ->
                            date(text)
                                    .map(d -> dates.stream().anyMatch(v -> compare.test(d, v)))
                                    .orElse(false);
        } else {
            throw PolicyDocument.malformed(
                    place.substring(0, place.length() - key.length() - 1),
                    "unknown condition operator '" + operator + "'");
        }
        return new Condition(operator, key, values, matcher, negated, ifExists);
    }

    private static Function<String, Predicate<String>> stringMatcher(String operator) {
        switch (operator) {
            case "StringLike":
            case "StringNotLike":
                return value -> WildcardPattern.caseSensitive(value)::matches;
            case "StringEqualsIgnoreCase":
            case "StringNotEqualsIgnoreCase":
                return value -> value::equalsIgnoreCase;
            case "Bool":
                return value ->
                        text ->
                                text.toLowerCase(Locale.ROOT)
                                        .equals(value.toLowerCase(Locale.ROOT));
            default:
                return value -> value::equals;
        }
    }

    private static Predicate<String> anyOf(
            List<String> values, Function<String, Predicate<String>> matcher) {
        List<Predicate<String>> each = values.stream().map(matcher).toList();
        return text -> each.stream().anyMatch(p -> p.test(text));
    }

    private static List<String> values(JsonNode node, String place) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                values.add(scalar(node.get(i), place + "[" + i + "]"));
            }
            if (values.isEmpty()) {
                throw PolicyDocument.malformed(place, "must name at least one value");
            }
        } else {
            values.add(scalar(node, place));
        }
        return List.copyOf(values);
    }

    private static String scalar(JsonNode node, String place) {
        if (!node.isValueNode() || node.isNull()) {
            throw PolicyDocument.malformed(place, "must be a string, a number or a boolean");
        }
        return node.asText();
    }

    /** Reads an ISO 8601 date-time, a date (midnight UTC) or epoch seconds. */
    static Optional<Instant> date(String text) {
        try {
            if (text.matches("\\d{1,12}")) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
            }
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            }
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
