package dev.apigw.samples.localserver;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Rebuilds the served API after a change of its files ({@code --watch}) and switches to it in one
 * step, so a request is served wholly by the old or wholly by the new definition (whose functions'
 * class loaders and processes are then closed): one line {@code Reloaded: N warnings} (with the
 * warnings after it) when it builds, else one line {@code reload failed, still serving the last
 * good definition: REASON}, and the last good API stays.
 */
final class Reloader implements Runnable {
    private static final String FAILED =
            "reload failed, still serving the last good" + " definition: ";

    private final Supplier<ApiAssembly> build;
    private final AtomicReference<ApiAssembly> served;
    private final Consumer<String> out;
    private final Consumer<String> err;

    Reloader(
            Supplier<ApiAssembly> build,
            AtomicReference<ApiAssembly> served,
            Consumer<String> out,
            Consumer<String> err) {
        this.build = Objects.requireNonNull(build);
        this.served = Objects.requireNonNull(served);
        this.out = Objects.requireNonNull(out);
        this.err = Objects.requireNonNull(err);
    }

    @Override
    public void run() {
        ApiAssembly assembly;
        try {
            assembly = build.get();
        } catch (LaunchException e) {
            err.accept(FAILED + e.getMessage());
            return;
        } catch (RuntimeException | LinkageError e) {
            err.accept(FAILED + e);
            return;
        }
        ApiAssembly previous = served.getAndSet(assembly);
        try {
            previous.resources().close();
        } catch (Exception e) {
            err.accept("warning: closing the previous definition's functions: " + e);
        }
        int count = assembly.warnings().lines().size();
        out.accept("Reloaded: " + count + (count == 1 ? " warning" : " warnings"));
        assembly.warnings().lines().forEach(line -> err.accept("warning: " + line));
    }
}
