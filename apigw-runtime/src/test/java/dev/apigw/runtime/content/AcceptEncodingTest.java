package dev.apigw.runtime.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The choice of a response coding, reference 6.4. */
class AcceptEncodingTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "gzip|gzip",
                "deflate|deflate",
                "GZIP|gzip",
                "gzip, deflate, br|gzip",
                "deflate;q=0.5,gzip;q=1.0|gzip",
                "gzip;q=0.2, deflate;q=0.9|deflate",
                "br, gzip|''",
                "br;q=0.1, gzip|gzip",
                "*|''",
                "identity|''",
                "gzip;q=0|''",
                "gzip;q=0, deflate|deflate",
                "gzip;q=abc, deflate;q=0.1|deflate",
                "''|''",
            })
    void preferred_acceptEncoding_choosesTheHighestSupported(String header, String coding) {
        assertThat(AcceptEncoding.preferred(List.of(header)).orElse("")).isEqualTo(coding);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "identity;q=0.5|deflate|deflate",
                "gzip;q=0.4|deflate;q=0.6|deflate",
            })
    void preferred_severalHeaders_readTogether(String first, String second, String coding) {
        assertThat(AcceptEncoding.preferred(List.of(first, second))).contains(coding);
    }
}
