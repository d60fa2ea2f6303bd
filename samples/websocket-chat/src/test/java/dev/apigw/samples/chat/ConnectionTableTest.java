package dev.apigw.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTableTest {
    @TempDir Path dir;

    @Test
    void putAndRemove_idsWithBase64Characters_roundTrip() {
        ConnectionTable table = new ConnectionTable(dir.resolve("t"));
        assertThat(table.all()).isEmpty();

        table.put("L0SM9cOFvHcCIhw=", "http://127.0.0.1:3000/production");
        table.put("a/b+c", "https://h/production");
        assertThat(table.all())
                .containsOnlyKeys("L0SM9cOFvHcCIhw=", "a/b+c")
                .containsEntry("L0SM9cOFvHcCIhw=", "http://127.0.0.1:3000/production");

        table.remove("a/b+c");
        table.remove("never-stored");
        assertThat(table.all()).containsOnlyKeys("L0SM9cOFvHcCIhw=");
    }

    @Test
    void of_apiAndStage_sharesOneDirectoryAcrossInstances() {
        ConnectionTable one = ConnectionTable.of("api-" + dir.getFileName(), "test");
        one.put("c1", "http://localhost:1/test");
        try {
            assertThat(ConnectionTable.of("api-" + dir.getFileName(), "test").all())
                    .containsOnlyKeys("c1");
            assertThat(ConnectionTable.of("api-" + dir.getFileName(), "other").all()).isEmpty();
        } finally {
            one.remove("c1");
        }
    }
}
