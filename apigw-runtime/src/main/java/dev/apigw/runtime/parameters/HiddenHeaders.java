package dev.apigw.runtime.parameters;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request headers API Gateway never passes to integrations nor shows to templates (reference
 * 5.2): hop-by-hop and framing headers whose values it recomputes.
 */
public final class HiddenHeaders {
    private static final Set<String> HIDDEN =
            hidden(
                    "connection",
                    "content-length",
                    "content-md5",
                    "expect",
                    "max-forwards",
                    "proxy-authenticate",
                    "server",
                    "te",
                    "transfer-encoding",
                    "trailer",
                    "upgrade",
                    "www-authenticate");

    private HiddenHeaders() {}

    /** Returns whether a client header of this name is dropped. */
    public static boolean isHidden(String name) {
        return HIDDEN.contains(name);
    }

    /** Returns an immutable set whose lookups ignore case without allocating. */
    private static Set<String> hidden(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }
}
