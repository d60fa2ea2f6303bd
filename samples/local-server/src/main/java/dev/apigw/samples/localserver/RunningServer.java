package dev.apigw.samples.localserver;

import dev.apigw.servlet.LocalServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A started local server and, with {@code --watch}, the watcher reloading its definition; closing
 * it stops both.
 *
 * @param server the Jetty server
 * @param watcher the watcher, or {@code null} without {@code --watch}
 * @param stage the stage served
 * @param functions what the served functions hold (class loaders, child JVMs), closed last
 * @param metrics the registry of the served APIs' meters ({@code GET /_apigw/metrics})
 * @param apiType the type of the API served at start
 * @param apiId the id of the API (REST or HTTP) served at start
 */
public record RunningServer(
        LocalServer server,
        DefinitionWatcher watcher,
        String stage,
        AutoCloseable functions,
        PrometheusMeterRegistry metrics,
        ApiType apiType,
        String apiId)
        implements AutoCloseable {
    /** Stops watching, then stops the server, then closes the functions. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        server.close();
        try {
            functions.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the functions: " + e, e);
        }
    }
}
