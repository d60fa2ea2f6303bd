package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ConnectionsPath}: the {@code @connections} targets of a stage (reference 7.4). */
class ConnectionsPathTest {
    @Test
    void parse_atConnections_returnsTheId() {
        assertThat(ConnectionsPath.parse("prod", "/prod/@connections/abc"))
                .isEqualTo(new ConnectionsPath.Connection("abc"));
    }

    @Test
    void parse_percentEncodedAt_returnsTheDecodedId() {
        assertThat(ConnectionsPath.parse("prod", "/prod/%40connections/L0SM9cOFvHcCIhw%3D"))
                .isEqualTo(new ConnectionsPath.Connection("L0SM9cOFvHcCIhw="));
    }

    @Test
    void parse_encodedSlashInTheId_isDecoded() {
        assertThat(ConnectionsPath.parse("prod", "/prod/@connections/a%2Fb%2B"))
                .isEqualTo(new ConnectionsPath.Connection("a/b+"));
    }

    @Test
    void parse_plusInTheId_staysAPlus() {
        assertThat(ConnectionsPath.parse("prod", "/prod/@connections/a+b"))
                .isEqualTo(new ConnectionsPath.Connection("a+b"));
    }

    @Test
    void parse_missingId_isMalformed() {
        assertThat(ConnectionsPath.parse("prod", "/prod/@connections"))
                .isInstanceOf(ConnectionsPath.Malformed.class);
        assertThat(ConnectionsPath.parse("prod", "/prod/@connections/"))
                .isInstanceOf(ConnectionsPath.Malformed.class);
    }

    @Test
    void parse_idWithASlashOrBadEscape_isMalformed() {
        assertThat(ConnectionsPath.parse("prod", "/prod/@connections/a/b"))
                .isInstanceOf(ConnectionsPath.Malformed.class);
        assertThat(ConnectionsPath.parse("prod", "/prod/@connections/a%zz"))
                .isInstanceOf(ConnectionsPath.Malformed.class);
    }

    @Test
    void parse_otherTargets_areElsewhere() {
        assertThat(ConnectionsPath.parse("prod", "/other/@connections/a"))
                .isInstanceOf(ConnectionsPath.Elsewhere.class);
        assertThat(ConnectionsPath.parse("prod", "/prod/pets"))
                .isInstanceOf(ConnectionsPath.Elsewhere.class);
        assertThat(ConnectionsPath.parse("prod", "/prod/@connectionsX"))
                .isInstanceOf(ConnectionsPath.Elsewhere.class);
        assertThat(ConnectionsPath.parse("prod", "/prod"))
                .isInstanceOf(ConnectionsPath.Elsewhere.class);
    }
}
