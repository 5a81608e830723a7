package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A small index shared by the enricher tests: a client that connected to a server listening on 443. */
final class EnricherFixtures {

    static final String CONNECT = Seuid.format(0, 1);
    static final String BIND = Seuid.format(0, 2);
    static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private EnricherFixtures() {}

    static AttributionIndex index() {
        AttributionIndex index = new AttributionIndex(Duration.ofHours(24), 1000, Duration.ofSeconds(30));
        index.putHost(new HostAddresses("client", "client.lan", Set.of("10.0.0.1")));
        index.putHost(new HostAddresses("server", "server.lan", Set.of("10.0.0.2")));
        index.addAll(List.of(
                new SocketEventEntry(
                        CONNECT,
                        "client",
                        "connect",
                        7L,
                        "/usr/bin/curl",
                        1000L,
                        null,
                        null,
                        0,
                        "10.0.0.2",
                        443,
                        T0,
                        T0),
                new SocketEventEntry(
                        BIND,
                        "server",
                        "bind",
                        1L,
                        "/usr/sbin/nginx",
                        0L,
                        null,
                        "0.0.0.0",
                        443,
                        null,
                        0,
                        T0.minusSeconds(3600),
                        T0)));
        return index;
    }
}
