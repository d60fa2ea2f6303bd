package dev.apigw.runtime.websocket;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code @connections} GetConnection tells of an open connection (reference 7.4): when it
 * connected, who it is, when it was last active. Immutable.
 *
 * @param connectedAt when the connection was accepted
 * @param sourceIp the client's IP address ({@code identity.sourceIp})
 * @param userAgent the client's {@code User-Agent} ({@code identity.userAgent})
 * @param lastActiveAt when a message last came in or went out
 */
public record ConnectionInfo(
        Instant connectedAt, String sourceIp, String userAgent, Instant lastActiveAt) {
    /** Checks. */
    public ConnectionInfo {
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
    }
}
