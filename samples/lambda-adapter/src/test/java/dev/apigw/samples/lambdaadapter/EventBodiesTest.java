package dev.apigw.samples.lambdaadapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.runtime.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text-or-base64 rule for bodies. */
class EventBodiesTest {

    @ParameterizedTest(name = "{0} -> text {1}")
    @CsvSource({
        "text/html; charset=ISO-8859-1, true",
        "TEXT/CSV, true",
        "application/json, true",
        "application/problem+json, true",
        "application/soap+xml; charset=utf-8, true",
        "image/svg+xml, true",
        "application/x-www-form-urlencoded, true",
        "application/yaml, true",
        "application/octet-stream, false",
        "image/png, false",
        "application/pdf, false",
        "nonsense, false"
    })
    void isTextType_mediaType_isClassified(String contentType, boolean text) {
        assertThat(EventBodies.isTextType(contentType)).isEqualTo(text);
    }

    @Test
    void encode_utf8WithoutContentType_isText() {
        EventBodies.Encoded encoded = EventBodies.encode(Response.builder().body("¡olé!").build());

        assertThat(encoded).isEqualTo(new EventBodies.Encoded("¡olé!", false));
    }

    @Test
    void encode_invalidUtf8WithTextType_isBase64() {
        byte[] latin1 = "olé".getBytes(StandardCharsets.ISO_8859_1);

        EventBodies.Encoded encoded =
                EventBodies.encode(
                        Response.builder()
                                .setHeader("Content-Type", "text/plain")
                                .body(latin1)
                                .build());

        assertThat(encoded.base64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(encoded.body())).isEqualTo(latin1);
    }

    @Test
    void encode_contentEncodingGzip_isBase64() {
        EventBodies.Encoded encoded =
                EventBodies.encode(
                        Response.builder()
                                .setHeader("Content-Type", "application/json")
                                .setHeader("Content-Encoding", "gzip")
                                .body("{}")
                                .build());

        assertThat(encoded).isEqualTo(new EventBodies.Encoded("e30=", true));
    }

    @Test
    void encode_contentEncodingIdentity_staysText() {
        EventBodies.Encoded encoded =
                EventBodies.encode(
                        Response.builder()
                                .setHeader("Content-Encoding", "Identity")
                                .body("[1]")
                                .build());

        assertThat(encoded).isEqualTo(new EventBodies.Encoded("[1]", false));
    }

    @Test
    void encode_emptyBinaryBody_isEmptyText() {
        EventBodies.Encoded encoded =
                EventBodies.encode(
                        Response.builder().setHeader("Content-Type", "image/gif").build());

        assertThat(encoded).isEqualTo(new EventBodies.Encoded("", false));
    }

    @Test
    void decode_nullBody_isEmpty() {
        assertThat(EventBodies.decode(null, true)).isEmpty();
    }

    @Test
    void decode_base64WithLineBreaks_isDecoded() {
        assertThat(EventBodies.decode("aGVs\r\nbG8=", true))
                .isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void decode_textBody_isUtf8() {
        assertThat(EventBodies.decode("Zürich", false))
                .isEqualTo("Zürich".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decode_invalidBase64_throws() {
        assertThatThrownBy(() -> EventBodies.decode("%%%", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("isBase64Encoded is true but the body is not base64");
    }
}
