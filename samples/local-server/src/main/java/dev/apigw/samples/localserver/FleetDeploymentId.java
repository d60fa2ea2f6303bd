package dev.apigw.samples.localserver;

import dev.apigw.model.template.StableIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deployment id of a stage served from {@code --spec} (or the demo API): derived from the spec
 * file's bytes and the stage name, so that local servers started from one file behind a load
 * balancer on one Redis serve one deployment and share its stage cache entries (reference 9.3;
 * issue 16), and a changed file is a new deployment, as a redeploy is. Six lowercase letters and
 * digits, as AWS's ids. A {@code --template} names its deployments itself.
 */
final class FleetDeploymentId {
    private FleetDeploymentId() {}

    /** Returns the id of the deployment of content {@code digest} to {@code stage}. */
    static String of(String digest, String stage) {
        return StableIds.of("deployment:" + digest + ":" + stage, 6);
    }

    /**
     * Returns the SHA-256 of the file at {@code spec}, in hex; fails with a one-line {@link
     * LaunchException} when it cannot be read.
     */
    static String digest(Path spec) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(spec)));
        } catch (IOException e) {
            throw LaunchException.failure("cannot read spec " + spec + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
