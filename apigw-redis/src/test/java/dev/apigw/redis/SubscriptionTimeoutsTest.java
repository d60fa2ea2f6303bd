package dev.apigw.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link SubscriptionTimeouts} (reference 9.4): the stores' commands keep the command timeout, the
 * relay's {@code SUBSCRIBE} and {@code UNSUBSCRIBE} (startup and shutdown only) get the connect
 * timeout, so a JVM starting under load does not fail on a cold pub/sub connection.
 */
class SubscriptionTimeoutsTest {
    private final SubscriptionTimeouts timeouts =
            new SubscriptionTimeouts(Duration.ofMillis(100), Duration.ofSeconds(5));

    private long timeoutOf(CommandType type) {
        long timeout =
                timeouts.getTimeout(new Command<>(type, new StatusOutput<>(StringCodec.UTF8)));
        return timeouts.getTimeUnit().toMillis(timeout);
    }

    @Test
    void storeCommands_keepTheCommandTimeout() {
        for (CommandType type :
                new CommandType[] {
                    CommandType.EVALSHA, CommandType.GET, CommandType.PUBLISH, CommandType.HELLO
                }) {
            assertThat(timeoutOf(type)).as(type.name()).isEqualTo(100);
        }
    }

    @Test
    void subscribeAndUnsubscribe_getTheConnectTimeout() {
        assertThat(timeoutOf(CommandType.SUBSCRIBE)).isEqualTo(5_000);
        assertThat(timeoutOf(CommandType.UNSUBSCRIBE)).isEqualTo(5_000);
        assertThat(timeouts.getTimeUnit()).isEqualTo(TimeUnit.NANOSECONDS);
    }
}
