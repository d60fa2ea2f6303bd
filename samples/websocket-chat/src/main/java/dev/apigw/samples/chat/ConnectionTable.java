package dev.apigw.samples.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chat's connections, a stand-in for the DynamoDB table of AWS's chat application: one file per
 * connection in a directory, named by the connection id (URL-safe Base64) and holding the
 * {@code @connections} endpoint to post to it. A directory and not a static map, because the three
 * functions share nothing else: in-process the local server loads each function in its own class
 * loader, with {@code --isolate} each in its own JVM, and on AWS each in its own sandboxes.
 */
final class ConnectionTable {
    private final Path directory;

    ConnectionTable(Path directory) {
        this.directory = directory;
    }

    /**
     * Returns the table of the API {@code apiId}'s stage {@code stage}: {@code
     * java.io.tmpdir/apigw-websocket-chat/API-STAGE}.
     */
    static ConnectionTable of(String apiId, String stage) {
        return new ConnectionTable(
                Path.of(System.getProperty("java.io.tmpdir"), "apigw-websocket-chat")
                        .resolve(fileName(apiId + "-" + stage)));
    }

    /** Stores the connection {@code connectionId}, reached at {@code endpoint}. */
    void put(String connectionId, String endpoint) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(connectionId), endpoint, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the connection {@code connectionId}, if stored. */
    void remove(String connectionId) {
        try {
            Files.deleteIfExists(file(connectionId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns every stored connection id with its endpoint. */
    Map<String, String> all() {
        Map<String, String> connections = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return connections;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                read(f, connections);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return connections;
    }

    private static void read(Path f, Map<String, String> connections) throws IOException {
        try {
            String id =
                    new String(
                            Base64.getUrlDecoder().decode(f.getFileName().toString()),
                            StandardCharsets.UTF_8);
            connections.put(id, Files.readString(f, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // removed by a $disconnect meanwhile
        }
    }

    private Path file(String connectionId) {
        return directory.resolve(fileName(connectionId));
    }

    private static String fileName(String text) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
