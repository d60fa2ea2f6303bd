package dev.apigw.model.openapi;

import dev.apigw.model.openapi.Placeholders.Field;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a definition's base path and the prefix its mode gives the resources (reference section
 * 4.3): Swagger 2.0 {@code basePath}; in OpenAPI 3 the default of the first server's {@code
 * basePath} variable, else the path part of {@code servers[0].url} with its variables' defaults.
 */
final class BasePaths {
    private static final Pattern SCHEME_AND_HOST =
            Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");

    private BasePaths() {}

    /** Returns the prefix for every resource path: {@code ""}, or {@code /a/b} style. */
    static String prefix(ImportContext context) {
        String base = normalize(basePath(context));
        switch (context.options().basePath()) {
            case PREPEND:
                return base;
            case SPLIT:
                int second = base.indexOf('/', 1);
                return second < 0 ? "" : base.substring(second);
            default:
                return "";
        }
    }

    static String basePath(ImportContext context) {
        Node root = context.root();
        if (context.swagger2()) {
            return context.text(root.get("basePath"), Field.DESCRIBE);
        }
        Node server = root.get("servers").get(0);
        if (server.isMissing()) {
            return "";
        }
        Node variables = server.get("variables");
        Node basePathVariable = variables.get("basePath");
        if (!basePathVariable.isMissing()) {
            return context.text(basePathVariable.get("default"), Field.DESCRIBE);
        }
        String url = context.text(server.get("url"), Field.DESCRIBE);
        String path = SCHEME_AND_HOST.matcher(url).replaceFirst("");
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Node variable = variables.get(m.group(1));
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            context.text(variable.get("default"), Field.DESCRIBE)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Returns {@code /a/b} for {@code a/b/}, {@code ""} for {@code /} or nothing. */
    static String normalize(String path) {
        String p = path.trim();
        int query = p.indexOf('?');
        if (query >= 0) {
            p = p.substring(0, query);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return "";
        }
        return p.startsWith("/") ? p : "/" + p;
    }
}
