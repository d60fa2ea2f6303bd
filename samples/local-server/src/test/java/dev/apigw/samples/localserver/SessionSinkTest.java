package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Where {@link SessionSink} cuts a text message into frames (reference 9.5: 32 KB frames): never
 * inside a UTF-8 character.
 */
class SessionSinkTest {
    @Test
    void characterBoundary_insideACharacter_movesBackToItsStart() {
        byte[] data = "a\u00e9\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8);

        assertThat(SessionSink.characterBoundary(data, 0, 2)).isEqualTo(1);
        assertThat(SessionSink.characterBoundary(data, 0, 4)).isEqualTo(3);
        assertThat(SessionSink.characterBoundary(data, 0, 5)).isEqualTo(3);
        assertThat(SessionSink.characterBoundary(data, 0, 8)).isEqualTo(6);
    }

    @Test
    void characterBoundary_betweenCharactersOrAtTheEnd_staysPut() {
        byte[] data = "a\u00e9\u20ac".getBytes(StandardCharsets.UTF_8);

        assertThat(SessionSink.characterBoundary(data, 0, 1)).isEqualTo(1);
        assertThat(SessionSink.characterBoundary(data, 0, 3)).isEqualTo(3);
        assertThat(SessionSink.characterBoundary(data, 0, data.length)).isEqualTo(data.length);
    }
}
