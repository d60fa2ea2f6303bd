package dev.apigw.samples.localserver;

import dev.apigw.servlet.LocalServer;

/**
 * A started local server and, with {@code --watch}, the watcher reloading its definition; closing
 * it stops both.
 *
 * @param server the Jetty server
 * @param watcher the watcher, or {@code null} without {@code --watch}
 */
public record RunningServer(LocalServer server, DefinitionWatcher watcher)
        implements AutoCloseable {
    /** Stops watching, then stops the server. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        server.close();
    }
}
