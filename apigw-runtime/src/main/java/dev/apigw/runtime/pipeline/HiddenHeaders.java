package dev.apigw.runtime.pipeline;

import java.util.Locale;
import java.util.Set;

/**
 * The request headers API Gateway never passes to integrations nor shows to templates
 * (reference 5.2): hop-by-hop and framing headers whose values it recomputes.
 */
public final class HiddenHeaders {
    private static final Set<String> HIDDEN = Set.of("connection", "content-length",
            "content-md5", "expect", "max-forwards", "proxy-authenticate", "server", "te",
            "transfer-encoding", "trailer", "upgrade", "www-authenticate");

    private HiddenHeaders() {}

    /** Returns whether a client header of this name is dropped. */
    public static boolean isHidden(String name) {
        return HIDDEN.contains(name.toLowerCase(Locale.ROOT));
    }
}
