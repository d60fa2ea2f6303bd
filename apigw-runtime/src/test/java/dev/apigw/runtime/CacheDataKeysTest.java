package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The stage caches' data keys (reference 9.3, issue 16): derived from a fleet's secret, the same in
 * every {@code Gateway} holding it, one per cluster; random without one.
 */
class CacheDataKeysTest {
    private static final byte[] SECRET = secret(0);

    private static byte[] secret(int first) {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (first + i);
        }
        return secret;
    }

    @Test
    void cacheDataKey_sameSecretAndCluster_sameKeyInTwoGateways() {
        Gateway one = Gateway.builder().cacheDataKey(SECRET).build();
        Gateway two = Gateway.builder().cacheDataKey(new SecretKeySpec(SECRET, "AES")).build();

        SecretKey key = one.cacheDataKey("a1b2c3d4e5/prod");

        assertThat(key.getAlgorithm()).isEqualTo("AES");
        assertThat(key.getEncoded()).isEqualTo(two.cacheDataKey("a1b2c3d4e5/prod").getEncoded());
    }

    @Test
    void cacheDataKey_derived_isHkdfSha256OfTheSecretWithTheClusterAsInfo() {
        Gateway gateway = Gateway.builder().cacheDataKey(SECRET).build();

        // computed apart: HKDF-SHA256(ikm = 00..1f, no salt, info = "a1b2c3d4e5/prod", L = 32)
        assertThat(HexFormat.of().formatHex(gateway.cacheDataKey("a1b2c3d4e5/prod").getEncoded()))
                .isEqualTo("adf6ce5d3a2b49057dba646818e81fc0d39315c19d45d9751bcc3c02b0455f11");
    }

    @Test
    void cacheDataKey_otherClusterOrSecret_otherKey() {
        Gateway gateway = Gateway.builder().cacheDataKey(SECRET).build();
        Gateway other = Gateway.builder().cacheDataKey(secret(1)).build();

        byte[] prod = gateway.cacheDataKey("a1b2c3d4e5/prod").getEncoded();

        assertThat(gateway.cacheDataKey("a1b2c3d4e5/dev").getEncoded()).isNotEqualTo(prod);
        assertThat(gateway.cacheDataKey("f6g7h8i9j0/prod").getEncoded()).isNotEqualTo(prod);
        assertThat(other.cacheDataKey("a1b2c3d4e5/prod").getEncoded()).isNotEqualTo(prod);
    }

    @Test
    void cacheDataKey_withoutSecret_randomPerGateway() {
        byte[] one = Gateway.create().cacheDataKey("a1b2c3d4e5/prod").getEncoded();
        byte[] two = Gateway.create().cacheDataKey("a1b2c3d4e5/prod").getEncoded();

        assertThat(one).hasSize(32).isNotEqualTo(two);
    }

    @Test
    void cacheDataKey_secretChangedAfterwards_keyUnchanged() {
        byte[] secret = secret(0);
        Gateway gateway = Gateway.builder().cacheDataKey(secret).build();
        byte[] before = gateway.cacheDataKey("a1b2c3d4e5/prod").getEncoded();

        secret[0] = 99;

        assertThat(Gateway.builder().cacheDataKey(SECRET).build().cacheDataKey("a1b2c3d4e5/prod"))
                .extracting(SecretKey::getEncoded)
                .isEqualTo(before);
        assertThat(gateway.toBuilder().build().cacheDataKey("a1b2c3d4e5/prod").getEncoded())
                .isEqualTo(before);
    }

    @Test
    void toBuilder_newSecret_replacesTheKeys() {
        Gateway gateway = Gateway.create();
        byte[] random = gateway.cacheDataKey("a1b2c3d4e5/prod").getEncoded();

        Gateway shared = gateway.toBuilder().cacheDataKey(SECRET).build();

        assertThat(shared.cacheDataKey("a1b2c3d4e5/prod").getEncoded())
                .isNotEqualTo(random)
                .isEqualTo(
                        Gateway.builder()
                                .cacheDataKey(SECRET)
                                .build()
                                .cacheDataKey("a1b2c3d4e5/prod")
                                .getEncoded());
    }

    @Test
    void cacheDataKey_notThirtyTwoBytes_isRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> Gateway.builder().cacheDataKey(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cacheDataKey must be 32 bytes (256 bits), got 16");
        assertThatThrownBy(
                        () ->
                                Gateway.builder()
                                        .cacheDataKey(new SecretKeySpec(new byte[33], "AES")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cacheDataKey must be 32 bytes (256 bits), got 33");
    }

    @Test
    void cacheDataKey_keyThatCannotBeExported_isRefused() {
        SecretKey sealed =
                new SecretKey() {
                    @Override
                    public String getAlgorithm() {
                        return "AES";
                    }

                    @Override
                    public String getFormat() {
                        return null;
                    }

                    @Override
                    public byte[] getEncoded() {
                        return null;
                    }
                };

        assertThatThrownBy(() -> Gateway.builder().cacheDataKey(sealed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getEncoded() is null");
    }

    @Test
    void toString_namesTheKindOnly() {
        assertThat(CacheDataKeys.derivedFrom(SECRET)).hasToString("CacheDataKeys[derived]");
        assertThat(CacheDataKeys.random()).hasToString("CacheDataKeys[random]");
    }
}
