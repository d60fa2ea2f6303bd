package dev.apigw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ThrottleSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The account: what several APIs share (issue 10 item 3, reference 9.4). */
class GatewayTest {
    @Test
    void create_defaults_areAwsLike() {
        Gateway account = Gateway.create();

        assertThat(account.region()).isEqualTo("us-east-1");
        assertThat(account.accountId()).isEqualTo("123456789012");
        assertThat(account.meterRegistry()).isEmpty();
        assertThat(account.accountThrottle()).isEqualTo(new ThrottleSettings(5_000, 10_000.0));
        assertThat(account.newConnectionThrottle()).isEqualTo(new ThrottleSettings(500, 500.0));
        assertThat(account.rateLimitStore()).isNotNull();
        assertThat(account.usageStore()).isNotNull();
    }

    @Test
    void toBuilder_changedClock_sharesTheRest() {
        Executor executor = Runnable::run;
        Gateway account =
                Gateway.builder()
                        .requestResponseExecutor(executor)
                        .region("eu-west-1")
                        .newConnectionThrottle(new ThrottleSettings(10, 5.0))
                        .build();
        Clock fixed = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

        Gateway changed = account.toBuilder().clock(fixed).build();

        assertThat(changed.clock()).isSameAs(fixed);
        assertThat(changed.requestResponse()).isSameAs(executor);
        assertThat(changed.eventInvocations()).isSameAs(account.eventInvocations());
        assertThat(changed.meterRegistry()).isSameAs(account.meterRegistry());
        assertThat(changed.accessLog()).isSameAs(account.accessLog());
        assertThat(changed.region()).isEqualTo("eu-west-1");
        assertThat(changed.rateLimitStore()).isSameAs(account.rateLimitStore());
        assertThat(changed.accountThrottle()).isEqualTo(account.accountThrottle());
        assertThat(changed.newConnectionThrottle()).isEqualTo(new ThrottleSettings(10, 5.0));
        assertThat(changed.usageStore()).isSameAs(account.usageStore());
        assertThat(changed.responseCacheStore()).isSameAs(account.responseCacheStore());
        assertThat(changed.cacheDataKey("api/prod")).isSameAs(account.cacheDataKey("api/prod"));
    }

    @Test
    void cacheDataKey_perCluster_isAnAes256KeyOfItsOwn() {
        Gateway account = Gateway.create();

        assertThat(account.cacheDataKey("api/prod").getAlgorithm()).isEqualTo("AES");
        assertThat(account.cacheDataKey("api/prod").getEncoded()).hasSize(32);
        assertThat(account.cacheDataKey("api/prod")).isSameAs(account.cacheDataKey("api/prod"));
        assertThat(account.cacheDataKey("api/dev").getEncoded())
                .isNotEqualTo(account.cacheDataKey("api/prod").getEncoded());
    }

    @Test
    void toBuilder_registry_kept() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Gateway account = Gateway.builder().meterRegistry(registry).build();

        assertThat(account.meterRegistry()).containsSame(registry);
        assertThat(account.toBuilder().region("eu-west-1").build().meterRegistry())
                .containsSame(registry);
    }

    @Test
    void build_twoApis_shareOneAccount() {
        Gateway account = Gateway.create();
        Api one = Api.builder().gateway(account).restApi(r -> r.name("one")).build();
        Api two = Api.builder().gateway(account).restApi(r -> r.name("two")).build();

        assertThat(one.gateway()).isSameAs(two.gateway());
    }
}
