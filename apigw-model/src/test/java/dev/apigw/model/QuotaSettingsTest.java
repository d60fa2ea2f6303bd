package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Quota values AWS refuses (reference 8.2), refused when the model is built. */
class QuotaSettingsTest {
    @Test
    void create_validValues_areKept() {
        QuotaSettings quota = new QuotaSettings(100, 10, QuotaPeriodType.WEEK);

        assertThat(quota.limit()).isEqualTo(100);
        assertThat(quota.offset()).isEqualTo(10);
        assertThat(QuotaSettings.of(0, QuotaPeriodType.DAY).offset()).isZero();
    }

    @Test
    void create_negativeLimit_failsNamingIt() {
        assertThatThrownBy(() -> new QuotaSettings(-1, 0, QuotaPeriodType.DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quota limit must be at least 0, found -1");
    }

    @Test
    void create_negativeOffset_failsNamingIt() {
        assertThatThrownBy(() -> new QuotaSettings(10, -1, QuotaPeriodType.MONTH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quota offset must be at least 0, found -1");
    }

    @Test
    void create_offsetNotBelowLimit_fails() {
        assertThatThrownBy(() -> new QuotaSettings(10, 10, QuotaPeriodType.MONTH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quota offset 10 must be below the limit 10");
    }

    @Test
    void create_offsetInADayPeriod_failsAsAwsDoes() {
        assertThatThrownBy(() -> new QuotaSettings(10, 1, QuotaPeriodType.DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Usage Plan quota offset must be zero in the DAY period");
    }

    @Test
    void create_noPeriod_fails() {
        assertThatThrownBy(() -> new QuotaSettings(10, 0, null))
                .isInstanceOf(NullPointerException.class);
    }
}
