package dev.apigw.samples.orders;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order a {@code POST /orders} body carries, {@code {"item": "...", "quantity": N}}.
 *
 * <p>The gateway has already checked the body against the template's {@code Order} model, so this
 * reads the two members of a known shape without a JSON library (keeping the deployment package
 * small); a real function would use one.
 */
record OrderRequest(String item, int quantity) {
    private static final Pattern ITEM =
            Pattern.compile("\"item\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern QUANTITY = Pattern.compile("\"quantity\"\\s*:\\s*(-?\\d{1,9})\\b");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

    /** Returns the order in {@code body}, or null when the body is missing or not an order. */
    static OrderRequest parse(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return null;
        }
        Matcher item = ITEM.matcher(body);
        Matcher quantity = QUANTITY.matcher(body);
        if (!item.find() || !quantity.find()) {
            return null;
        }
        String name = ESCAPE.matcher(item.group(1)).replaceAll("$1");
        return new OrderRequest(name, Integer.parseInt(quantity.group(1)));
    }
}
