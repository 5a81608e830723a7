package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for the in-process entry points of {@link AttributionService} (live Zeek enrichment). */
class AttributionServiceTests {

    final AttributionIndex index = new AttributionIndex(Duration.ofHours(24), 1000, Duration.ofSeconds(30));
    final AttributionService service = new AttributionService(index);
    final Instant now = Instant.now();

    AttributionServiceTests() {
        index.putHost(new HostAddresses("client", "client.lan", Set.of("10.0.0.1")));
        index.addAll(List.of(new SocketEventEntry(
                Seuid.format(0, 1),
                "client",
                "connect",
                7L,
                "/usr/bin/curl",
                1000L,
                "tcp",
                null,
                0,
                "10.0.0.2",
                443,
                now,
                now)));
        service.markReady();
    }

    @Test
    void attributesAConnectionGivenInNumbersWithItsCompleteness() {
        IpAddress o = new IpAddress();
        IpAddress r = new IpAddress();
        o.parse("10.0.0.1");
        r.parse("10.0.0.2");
        ConnectionAttribution a = service.attributeWithCompleteness(
                new ConnectionQuery(o.hi(), o.lo(), 50000, r.hi(), r.lo(), 443, "tcp", now.toEpochMilli()));
        assertThat(a.origSeuids()).containsExactly(Seuid.format(0, 1));
        assertThat(a.matches())
                .singleElement()
                .satisfies(m -> assertThat(m.hostname()).isEqualTo("client.lan"));
        assertThat(a.tier()).isEqualTo("memory");
        assertThat(a.complete()).isTrue();
        assertThat(a.incomplete()).isEmpty();
    }

    @Test
    void attributesAConnectionGivenAsTextAndRefusesAnInvalidAddress() {
        ConnectionAttribution a = service.attribute("10.0.0.1", 50000, "10.0.0.2", 443, "tcp", now);
        assertThat(a.origSeuids()).containsExactly(Seuid.format(0, 1));
        assertThat(a.tier()).isEqualTo("memory");
        assertThatThrownBy(() -> service.attribute("nope", 1, "10.0.0.2", 443, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
