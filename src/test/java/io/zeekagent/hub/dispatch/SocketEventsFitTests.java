package io.zeekagent.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tests for {@link SocketEventsFit}. */
class SocketEventsFitTests {

    private final AtomicInteger asked = new AtomicInteger();
    private final SocketEventsFit fit = new SocketEventsFit(sql -> {
        asked.incrementAndGet();
        return sql.contains("syscall");
    });

    @Test
    void onlySocketEventsQueriesAreAskedAndEachQueryTextOnce() {
        assertThat(fit.test(command("SELECT pid FROM processes"), Set.of("processes")))
                .isTrue();
        assertThat(asked).hasValue(0);

        assertThat(fit.test(command("SELECT syscall FROM socket_events"), Set.of("socket_events")))
                .isTrue();
        assertThat(fit.test(command("SELECT action FROM socket_events"), Set.of("socket_events")))
                .isFalse();
        assertThat(fit.test(command("SELECT action FROM socket_events"), Set.of("socket_events")))
                .isFalse();
        assertThat(asked).hasValue(2);
    }

    private static SubscriptionCommand command(String query) {
        return new SubscriptionCommand("s", 1, "ZeekAgent::query_result", query, "s", "ADDED", 2);
    }
}
