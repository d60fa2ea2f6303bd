package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Gateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cache-data-key-file} (issue 16, reference 9.3): the fleet's secret for encrypted stage
 * cache entries, read from a file as hex or base64; a bad file stops the server naming the flag and
 * the file, never what it holds.
 */
class CacheDataKeyFileTest {
    private static final byte[] SECRET = secret();

    @TempDir Path dir;

    private static byte[] secret() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (0xa0 + i);
        }
        return secret;
    }

    private Path file(String content) throws Exception {
        Path file = dir.resolve("cache.key");
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return file;
    }

    private static ServerOptions parse(Path file) {
        return ServerOptions.parse(List.of("--cache-data-key-file", file.toString()));
    }

    @Test
    void parse_hexFile_givesTheSecret() throws Exception {
        Path file = file("  " + HexFormat.of().withUpperCase().formatHex(SECRET) + "\n");

        assertThat(parse(file).cacheDataKey())
                .hasValueSatisfying(key -> assertThat(key.getEncoded()).isEqualTo(SECRET));
    }

    @Test
    void parse_base64File_givesTheSecret() throws Exception {
        Path file = file(Base64.getEncoder().encodeToString(SECRET) + "\r\n");

        ServerOptions options =
                ServerOptions.parse(List.of("--cache-data-key-file=" + file.toString()));

        assertThat(options.cacheDataKey())
                .hasValueSatisfying(key -> assertThat(key.getEncoded()).isEqualTo(SECRET));
    }

    @Test
    void parse_withoutTheFlag_noSecret() {
        assertThat(ServerOptions.parse(List.of()).cacheDataKey()).isEmpty();
    }

    @Test
    void parse_otherLength_isAUsageErrorThatDoesNotEchoTheFile() throws Exception {
        String sixteenBytesHex = "00112233445566778899aabbccddeeff";
        String base64Of31 = Base64.getEncoder().encodeToString(new byte[31]);
        for (String content : List.of(sixteenBytesHex, base64Of31, "not-a-key!", "")) {
            Path file = file(content);

            assertThatThrownBy(() -> parse(file))
                    .isInstanceOfSatisfying(
                            LaunchException.class,
                            e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE))
                    .hasMessage(
                            "--cache-data-key-file "
                                    + file
                                    + ": expects 64 hex characters or the base64 of 32 bytes"
                                    + " (e.g. from openssl rand -hex 32)");
        }
    }

    @Test
    void parse_largeFile_isRefusedUnread() throws Exception {
        Path file = file("a".repeat(2_000));

        assertThatThrownBy(() -> parse(file))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("--cache-data-key-file " + file + ": expects 64 hex");
    }

    @Test
    void parse_missingFile_isAFailureNamingTheFlagAndFile() {
        Path file = dir.resolve("absent.key");

        assertThatThrownBy(() -> parse(file))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.FAILURE))
                .hasMessage("--cache-data-key-file " + file + ": file not found");
    }

    @Test
    void parse_emptyValue_isAUsageError() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--cache-data-key-file=")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("--cache-data-key-file needs a non-empty value");
    }

    @Test
    void account_withTheFile_derivesTheFleetsKeys() throws Exception {
        ServerOptions options = parse(file(HexFormat.of().formatHex(SECRET)));

        SecretKey key = LocalServerMain.account(options).build().cacheDataKey("api1234567/prod");

        assertThat(key.getEncoded())
                .isEqualTo(
                        Gateway.builder()
                                .cacheDataKey(SECRET)
                                .build()
                                .cacheDataKey("api1234567/prod")
                                .getEncoded());
    }

    @Test
    void usage_documentsTheFlag() {
        assertThat(ServerOptions.USAGE)
                .contains("  --cache-data-key-file PATH  ")
                .contains("64 hex characters or the base64 of 32 bytes")
                .contains("shows in ps");
    }

    @Test
    void exposure_fileReadableByGroupOrOthers_warnsWithoutTheContent() throws Exception {
        Path key = file(HexFormat.of().formatHex(SECRET));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(CacheDataKeyFile.exposure(key))
                .hasValue(
                        "--cache-data-key-file "
                                + key
                                + " is readable by other users than its owner (chmod 600 "
                                + key
                                + ")");
        assertThat(parse(key).cacheDataKeyFile()).contains(key);
    }

    @Test
    void exposure_fileReadableByItsOwnerOnly_isQuiet() throws Exception {
        Path key = file(HexFormat.of().formatHex(SECRET));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

        assertThat(CacheDataKeyFile.exposure(key)).isEmpty();
    }
}
