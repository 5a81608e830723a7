package io.zeekagent.hub.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.group.CreateGroupRequest;
import io.zeekagent.hub.group.GroupService;
import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** Tests for {@link HostService} with the real store and the real group feature. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@Transactional
@RecordApplicationEvents
class HostServiceIntegrationTests {

    @Autowired
    HostService hosts;

    @Autowired
    HostPresenceService presence;

    @Autowired
    GroupService groups;

    @Autowired
    ApplicationEvents events;

    @Test
    void registersAnAgentOnlineAndTellsAReconnectApart() {
        String id = unique("agent");
        boolean first = presence.registerAgent(announcement(id, List.of("10.0.0.5", "::ffff:10.0.0.6", "garbage")));

        HostResponse host = hosts.get(id);
        assertThat(first).isFalse();
        assertThat(host.status()).isEqualTo(HostStatus.ONLINE);
        assertThat(host.transport()).isEqualTo("zeromq-v1");
        assertThat(host.announcedAddresses()).containsExactly("10.0.0.5", "10.0.0.6");
        assertThat(host.firstSeen()).isNotNull();
        assertThat(presence.registerAgent(announcement(id, List.of("10.0.0.5"))))
                .isTrue();
        assertThat(presence.onlineHostIds()).contains(id);
    }

    @Test
    void publishesAddressChangesOnlyWhenAddressesOrHostnameChange() {
        String id = unique("agent");
        presence.registerAgent(announcement(id, List.of("10.0.0.5")));
        presence.registerAgent(announcement(id, List.of("10.0.0.5")));
        hosts.update(id, new UpdateHostRequest(Set.of("192.0.2.1"), null));
        hosts.delete(id);

        assertThat(events.stream(HostAddressesChanged.class).toList())
                .extracting(e -> e.host().addresses(), HostAddressesChanged::deleted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Set.of("10.0.0.5"), false),
                        org.assertj.core.groups.Tuple.tuple(Set.of("10.0.0.5", "192.0.2.1"), false),
                        org.assertj.core.groups.Tuple.tuple(Set.of(), true));
    }

    @Test
    void turnsAPreRegisteredHostOnlineWhenItsAgentFirstConnects() {
        String id = unique("pre");
        hosts.preRegister(new PreRegisterHostRequest(id, "pre-01", Set.of("192.0.2.9"), null));
        assertThat(hosts.get(id).status()).isEqualTo(HostStatus.PENDING);

        assertThat(presence.registerAgent(announcement(id, List.of("10.0.0.5"))))
                .isFalse();

        HostResponse host = hosts.get(id);
        assertThat(host.status()).isEqualTo(HostStatus.ONLINE);
        assertThat(host.hostname()).isEqualTo("agent-host");
        assertThat(host.addresses()).containsExactly("10.0.0.5", "192.0.2.9");
    }

    @Test
    void computesEffectiveGroupsFromAnnouncementAssignmentAndSubnets() {
        String assigned = unique("assigned");
        String bySubnet = unique("subnet");
        groups.create(new CreateGroupRequest(assigned, null, null, null));
        groups.create(new CreateGroupRequest(bySubnet, null, Set.of("2001:db8::/32"), null));
        String id = unique("agent");
        presence.registerAgent(announcement(id, List.of("2001:db8::1")));
        hosts.update(id, new UpdateHostRequest(null, Set.of(assigned)));

        assertThat(hosts.findEffectiveGroups(id)).containsExactlyInAnyOrder("linux", assigned, bySubnet);
        assertThat(hosts.get(id).assignedGroups()).containsExactly(assigned);
        assertThat(hosts.hostIdsInGroup(bySubnet)).containsExactly(id);
        assertThat(hosts.hostIdsInGroup(assigned)).containsExactly(id);
        assertThat(hosts.hostIdsInGroup("linux")).contains(id);
        assertThat(hosts.list(null, bySubnet, "2001:DB8:0::1", PageRequest.of(0, 10))
                        .content())
                .extracting(HostResponse::hostId)
                .containsExactly(id);

        hosts.update(id, new UpdateHostRequest(null, Set.of()));
        assertThat(hosts.findEffectiveGroups(id)).doesNotContain(assigned);
    }

    @Test
    void refusesUnknownGroupsInvalidAddressesAndDuplicates() {
        String id = unique("h");
        assertThatThrownBy(() -> hosts.preRegister(new PreRegisterHostRequest(id, null, null, Set.of("ghost"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> hosts.preRegister(new PreRegisterHostRequest(id, null, Set.of("10.0.0.300"), null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("10.0.0.300");
        hosts.preRegister(new PreRegisterHostRequest(id, null, null, null));
        assertThatThrownBy(() -> hosts.preRegister(new PreRegisterHostRequest(id, null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> hosts.get(unique("missing"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void marksOfflineAndBackOnlineWhenHeardFrom() {
        String id = unique("agent");
        presence.registerAgent(announcement(id, List.of()));
        presence.markOffline(id);
        assertThat(hosts.get(id).status()).isEqualTo(HostStatus.OFFLINE);
        assertThat(presence.onlineHostIds()).doesNotContain(id);

        assertThat(presence.touch(id)).isTrue();
        assertThat(hosts.get(id).status()).isEqualTo(HostStatus.ONLINE);
        assertThat(presence.touch(unique("never-announced"))).isFalse();
    }

    @Test
    void servesEveryHostsAddressesForTheAttributionIndex() {
        String id = unique("agent");
        presence.registerAgent(announcement(id, List.of("10.1.1.1")));

        assertThat(hosts.allHostAddresses()).contains(new HostAddresses(id, "agent-host", Set.of("10.1.1.1")));
    }

    private static AgentAnnouncement announcement(String id, List<String> addresses) {
        return new AgentAnnouncement(
                id, "agent-host", "PEER#1", List.of("linux"), "2.0.0", "standalone", addresses, "zeromq-v1");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
