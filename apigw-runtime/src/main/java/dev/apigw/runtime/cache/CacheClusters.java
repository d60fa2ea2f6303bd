package dev.apigw.runtime.cache;

import dev.apigw.model.Stage;
import dev.apigw.runtime.spi.CacheCluster;
import java.util.Map;

/**
 * Names a stage's cache in the {@link dev.apigw.runtime.spi.ResponseCacheStore} and sizes it: the
 * id {@code {apiId}/{stageName}} and the byte budget of its {@code cacheClusterSize} (reference
 * 9.3: 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 and 237 GB, a GB taken as 10^9 bytes). A stage with the
 * cache on and no size gets 0.5 GB, the smallest. Internal.
 */
public final class CacheClusters {
    /** The size of a stage that enables the cache without naming one. */
    static final String DEFAULT_SIZE = "0.5";

    private static final long GB = 1_000_000_000L;
    private static final Map<String, Long> BYTES =
            Map.of(
                    "0.5", GB / 2,
                    "1.6", 16 * GB / 10,
                    "6.1", 61 * GB / 10,
                    "13.5", 135 * GB / 10,
                    "28.4", 284 * GB / 10,
                    "58.2", 582 * GB / 10,
                    "118", 118 * GB,
                    "237", 237 * GB);

    private CacheClusters() {}

    /** Returns the cache cluster of a stage of the API {@code apiId}. */
    public static CacheCluster of(String apiId, Stage stage) {
        return new CacheCluster(
                apiId + "/" + stage.stageName(),
                bytes(stage.cacheClusterSize().orElse(DEFAULT_SIZE)));
    }

    /**
     * Returns the budget of a size; the model refuses other sizes when a stage is built, so an
     * unknown one here is a bug.
     */
    static long bytes(String size) {
        Long bytes = BYTES.get(size);
        if (bytes == null) {
            throw new IllegalStateException("unknown cacheClusterSize " + size);
        }
        return bytes;
    }
}
