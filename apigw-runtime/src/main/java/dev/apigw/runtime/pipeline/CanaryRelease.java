package dev.apigw.runtime.pipeline;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A stage's canary release (reference 9.2), compiled once when the API is built: the canary as
 * requests routed to it see it ({@link DeployedStage#canary()}: the canary's deployment, the stage
 * variables with the canary's {@code stageVariableOverrides}), and the share of requests it serves.
 * Internal.
 *
 * @param stage the canary's deployed stage
 * @param percentTraffic the share of requests sent to the canary, 0.0 to 100.0
 */
public record CanaryRelease(DeployedStage stage, double percentTraffic) {
    /** Checks the stage is a canary and the share a percentage. */
    public CanaryRelease {
        Objects.requireNonNull(stage);
        if (!stage.canary()) {
            throw new IllegalArgumentException("not a canary: " + stage.stage().stageName());
        }
        if (!(percentTraffic >= 0.0 && percentTraffic <= 100.0)) {
            throw new IllegalArgumentException("percentTraffic must be 0.0 to 100.0");
        }
    }

    /**
     * Returns whether one request goes to the canary: with probability {@code percentTraffic}%, one
     * draw of {@code random} per request (reference 9.2, "each request randomly goes to canary").
     * At 0.0 no request does and at 100.0 every request does, without a draw.
     */
    public boolean routes(RandomGenerator random) {
        if (percentTraffic <= 0.0) {
            return false;
        }
        if (percentTraffic >= 100.0) {
            return true;
        }
        return random.nextDouble() * 100.0 < percentTraffic;
    }
}
