package dev.apigw.samples.localserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the files a definition is built from ({@code --watch}): a file (the spec, a jar) through
 * its directory, a directory (classes) with every directory under it, those created later included.
 * On a daemon thread, each burst of changes (events until none came for {@link #QUIET_MILLIS}, so
 * that a compiler writing many class files causes one reload) runs the listener once. Uses {@link
 * WatchService}.
 */
public final class DefinitionWatcher implements AutoCloseable {
    /** How long the files must stay unchanged before the listener runs. */
    static final long QUIET_MILLIS = 200;

    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Set<Path> files = new HashSet<>();
    private final Set<Path> trees = new HashSet<>();
    private final Runnable listener;
    private final Thread thread;

    private DefinitionWatcher(List<Path> paths, Runnable listener) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.listener = listener;
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                trees.add(absolute);
                registerTree(absolute);
            } else {
                files.add(absolute);
                register(absolute.getParent());
            }
        }
        thread = new Thread(this::run, "apigw-local-watch");
        thread.setDaemon(true);
    }

    /**
     * Starts watching these files and directories; the listener runs on the watch thread. Fails
     * with a one-line {@link LaunchException} when a path cannot be watched.
     */
    public static DefinitionWatcher start(List<Path> paths, Runnable listener) {
        try {
            DefinitionWatcher watcher = new DefinitionWatcher(paths, listener);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw LaunchException.failure("--watch cannot watch " + paths + ": " + e);
        }
    }

    private void register(Path directory) throws IOException {
        WatchKey key =
                directory.register(
                        service,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
        directories.put(key, directory);
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                            throws IOException {
                        register(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private void run() {
        try {
            while (true) {
                boolean changed = relevant(service.take());
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    changed |= relevant(more);
                }
                if (changed) {
                    listener.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a key's events and re-arms it; returns whether one concerns a watched path. */
    private boolean relevant(WatchKey key) {
        Path directory = directories.get(key);
        boolean changed = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (directory == null || !(event.context() instanceof Path)) {
                changed |= event.kind() == StandardWatchEventKinds.OVERFLOW;
                continue;
            }
            Path path = directory.resolve((Path) event.context());
            boolean inTree = trees.stream().anyMatch(path::startsWith);
            if (inTree
                    && event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException e) {
                    changed = true;
                }
            }
            changed |= inTree || files.contains(path);
        }
        if (!key.reset()) {
            directories.remove(key);
        }
        return changed;
    }

    /** Stops watching. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
