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
    final FlowMemory flows = new FlowMemory(100, Duration.ofHours(1));
    final UserNames users = new UserNames();
    final AttributionService service = new AttributionService(index, flows, users);
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

    @Test
    void remembersALiveZeekRequestsFlowSoItsCommunityIdAloneAttributes() {
        IpAddress o = new IpAddress();
        IpAddress r = new IpAddress();
        o.parse("10.0.0.1");
        r.parse("10.0.0.2");
        service.attributeWithCompleteness(
                new ConnectionQuery(o.hi(), o.lo(), 50000, r.hi(), r.lo(), 443, "tcp", now.toEpochMilli()));
        ConnFields fields = new ConnFields();
        fields.communityId = new CommunityId(0).of(CommunityId.TCP, "10.0.0.1", "10.0.0.2", 50000, 443);
        AttributionResponse answer = service.attribute(fields);
        assertThat(answer.origSeuids()).containsExactly(Seuid.format(0, 1));
        assertThat(answer.communityId()).isEqualTo(fields.communityId);
        assertThat(answer.complete()).isTrue();
        // Past the TTL the sweep forgets it, and the same question is answered as unknown.
        service.evictExpired(Instant.now().plus(Duration.ofHours(2)));
        assertThat(flows.size()).isZero();
        assertThat(service.attribute(fields).incomplete()).containsExactly(AttributionService.COMMUNITY_ID_UNKNOWN);
    }

    @Test
    void namesTheUserAtAnswerTimeAndForgetsThemWithTheirHost() {
        users.learn("client", List.of("uid", "username"), new Object[] {"1000", "alice"}, false);
        ConnectionAttribution a = service.attribute("10.0.0.1", 50000, "10.0.0.2", 443, "tcp", now);
        assertThat(a.matches())
                .singleElement()
                .satisfies(m -> assertThat(m.user()).isEqualTo("alice"));
        service.removeHost("client");
        assertThat(users.name("client", 1000L)).isNull();
    }
}
