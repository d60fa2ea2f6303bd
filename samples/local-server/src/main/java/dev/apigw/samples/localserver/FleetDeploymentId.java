package dev.apigw.samples.localserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deployment id of a stage served from {@code --spec} (or the demo API): derived from the spec
 * file's bytes and the stage name, so that local servers started from one file behind a load
 * balancer on one Redis serve one deployment and share its stage cache entries (reference 9.3;
 * issue 16), and a changed file is a new deployment, as a redeploy is. Six characters of the
 * SHA-256 in hex, lowercase letters and digits as AWS's ids. A {@code --template} names its
 * deployments itself.
 */
final class FleetDeploymentId {
    private FleetDeploymentId() {}

    /** Returns the id of the deployment of {@code content} to {@code stage}. */
    static String of(byte[] content, String stage) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(content);
            sha256.update((byte) 0);
            sha256.update(stage.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Returns the id of the deployment of the file at {@code spec} to {@code stage}; fails with a
     * one-line {@link LaunchException} when the file cannot be read.
     */
    static String of(Path spec, String stage) {
        try {
            return of(Files.readAllBytes(spec), stage);
        } catch (IOException e) {
            throw LaunchException.failure("cannot read spec " + spec + ": " + e.getMessage());
        }
    }
}
