package dev.apigw.runtime.spi;

import java.util.Objects;

/**
 * The stage cache of one stage of one API (reference 9.3): its name in a {@link ResponseCacheStore}
 * and its capacity, the byte budget of the stage's {@code cacheClusterSize} (0.5 GB to 237 GB). The
 * id is {@code {apiId}/{stageName}}: stages of different APIs never share entries.
 *
 * @param id the cluster's name, {@code {apiId}/{stageName}}
 * @param capacityBytes the most bytes the cluster's entries may hold together, above 0
 */
public record CacheCluster(String id, long capacityBytes) {
    /** Checks the id and the capacity. */
    public CacheCluster {
        Objects.requireNonNull(id, "id");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacityBytes must be above 0: " + capacityBytes);
        }
    }
}
