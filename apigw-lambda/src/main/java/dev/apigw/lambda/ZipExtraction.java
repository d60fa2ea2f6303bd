package dev.apigw.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a deployment package (a zip, or a jar holding {@code lib/*.jar}) into a fresh temporary
 * directory, as Lambda unpacks it into {@code /var/task}, within bounds a hostile archive cannot
 * pass: no entry named with {@code ..} or an absolute path, at most {@link #MAX_ENTRIES} entries
 * and {@link #MAX_BYTES} bytes written in all (counted as written, not as the archive declares).
 * Lambda's own quota for an unzipped package is 250 MB. The directory and what it holds are deleted
 * when the JVM exits.
 */
final class ZipExtraction {
    /** The most bytes written when extracting one archive: 256 MB. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** The most entries of one archive. */
    static final int MAX_ENTRIES = 20_000;

    private ZipExtraction() {}

    /** Returns whether the archive holds {@code lib/<name>.jar} entries. */
    static boolean holdsLibJars(String logicalId, Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream()
                    .map(ZipEntry::getName)
                    .anyMatch(n -> n.startsWith("lib/") && n.endsWith(".jar"));
        } catch (IOException e) {
            throw unreadable(logicalId, archive, e);
        }
    }

    /** Extracts the archive into a new temporary directory and returns that directory. */
    static Path extract(String logicalId, Path archive) {
        return extract(logicalId, archive, MAX_BYTES, MAX_ENTRIES);
    }

    /** Extracts within these bounds (tests use small ones). */
    static Path extract(String logicalId, Path archive, long maxBytes, int maxEntries) {
        Path target;
        try {
            target = Files.createTempDirectory("apigw-" + logicalId + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        target.toFile().deleteOnExit();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > maxEntries) {
                throw refused(logicalId, archive, "more than " + maxEntries + " entries");
            }
            long budget = maxBytes;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = resolve(logicalId, archive, target, entry.getName());
                if (entry.isDirectory()) {
                    createDirectories(target, out);
                    continue;
                }
                createDirectories(target, out.getParent());
                out.toFile().deleteOnExit();
                try (InputStream in = zip.getInputStream(entry);
                        OutputStream os = Files.newOutputStream(out)) {
                    budget -= copy(in, os, budget);
                }
                if (budget < 0) {
                    throw refused(logicalId, archive, "more than " + maxBytes + " bytes unzipped");
                }
            }
        } catch (FunctionCodeException e) {
            delete(target);
            throw e;
        } catch (IOException e) {
            delete(target);
            throw unreadable(logicalId, archive, e);
        }
        return target;
    }

    /** Deletes a directory tree, quietly: what cannot be deleted now goes when the JVM exits. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(
                    dir,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes a)
                                throws IOException {
                            Files.deleteIfExists(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path d, IOException e)
                                throws IOException {
                            Files.deleteIfExists(d);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // Left for deleteOnExit: every file and directory extracted was registered.
        }
    }

    /** Copies at most {@code budget + 1} bytes; returns how many were copied. */
    private static long copy(InputStream in, OutputStream out, long budget) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        int n;
        while (copied <= budget && (n = in.read(buffer)) != -1) {
            int allowed = (int) Math.min(n, budget - copied + 1);
            out.write(buffer, 0, allowed);
            copied += allowed;
        }
        return copied;
    }

    private static Path resolve(String logicalId, Path archive, Path target, String name) {
        String normalized = name.replace('\\', '/');
        boolean absolute =
                normalized.startsWith("/")
                        || (normalized.length() > 1 && normalized.charAt(1) == ':');
        boolean parent =
                normalized.equals("..")
                        || normalized.startsWith("../")
                        || normalized.contains("/../")
                        || normalized.endsWith("/..");
        Path out = target.resolve(normalized).normalize();
        if (absolute || parent || !out.startsWith(target)) {
            throw refused(logicalId, archive, "entry '" + name + "' leaves its directory");
        }
        return out;
    }

    private static void createDirectories(Path target, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(target, dir.getParent());
        Files.createDirectory(dir);
        dir.toFile().deleteOnExit();
    }

    private static FunctionCodeException refused(String logicalId, Path archive, String why) {
        return new FunctionCodeException(logicalId + ": CodeUri " + archive + " refused: " + why);
    }

    private static FunctionCodeException unreadable(String logicalId, Path archive, IOException e) {
        String why = e instanceof ZipException ? "not a valid zip" : e.toString();
        return new FunctionCodeException(
                logicalId + ": CodeUri " + archive + " cannot be read: " + why, e);
    }
}
