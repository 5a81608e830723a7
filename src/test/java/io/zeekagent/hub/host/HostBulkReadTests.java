package io.zeekagent.hub.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.net.Cidr;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Tests for {@link HostService#onlineHosts()}, the dispatcher's bulk read, against {@link HostService#get} (embedded
 * H2; {@link HostBulkReadPostgresTests} runs them on PostgreSQL).
 */
@DataJpaTest
@Import({HostService.class, HostPresenceService.class, HostMembership.class, HostBulkReadTests.Groups.class})
class HostBulkReadTests {

    @Autowired
    HostService hosts;

    @Autowired
    HostPresenceService presence;

    @Test
    void readsOnlineHostsWithTheSameEffectiveGroupsAsOneByOne() {
        presence.registerAgent(announcement("a", "zeromq-v1", List.of("linux"), List.of("2001:db8::1")));
        presence.registerAgent(announcement("b", "websocket-v2", List.of(), List.of("10.0.0.7")));
        presence.registerAgent(announcement("c", "zeromq-v1", List.of("linux", "web"), List.of()));
        presence.registerAgent(announcement("gone", "zeromq-v1", List.of("linux"), List.of("2001:db8::2")));
        presence.markOffline("gone");
        hosts.preRegister(new PreRegisterHostRequest("pending", null, Set.of("192.0.2.1"), Set.of("assigned")));
        hosts.update("a", new UpdateHostRequest(null, Set.of("assigned")));
        hosts.update("b", new UpdateHostRequest(Set.of("192.0.2.44"), null));

        Map<String, OnlineHost> online =
                hosts.onlineHosts().stream().collect(Collectors.toMap(OnlineHost::hostId, h -> h));

        assertThat(online).containsOnlyKeys("a", "b", "c");
        for (OnlineHost h : online.values()) {
            HostResponse one = hosts.get(h.hostId());
            assertThat(h.groups()).as(h.hostId()).isEqualTo(one.groups());
            assertThat(h.transport()).as(h.hostId()).isEqualTo(one.transport());
        }
        assertThat(online.get("a").groups()).containsExactlyInAnyOrder("linux", "assigned", "dmz");
        assertThat(online.get("b").groups()).containsExactly("lab");
        assertThat(online.get("c").groups()).containsExactlyInAnyOrder("linux", "web");
        assertThat(presence.onlineHostIds("zeromq-v1")).containsExactly("a", "c");
    }

    private static AgentAnnouncement announcement(
            String id, String transport, List<String> groups, List<String> addresses) {
        return new AgentAnnouncement(id, id + ".example", "PEER", groups, "2.0.0", "standalone", addresses, transport);
    }

    /** Three defined groups: one by assignment, two by subnet (IPv6 announced, IPv4 assigned over REST). */
    @TestConfiguration
    static class Groups implements GroupDirectory {

        private final Map<String, Set<String>> assigned = new HashMap<>(Map.of("assigned", Set.of()));

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        HostOwnership hostOwnership() {
            return HostOwnership.everyHost();
        }

        @Override
        public List<GroupRule> rules() {
            return List.of(
                    new GroupRule("assigned", assigned.get("assigned"), List.of()),
                    new GroupRule("dmz", Set.of(), List.of(Cidr.parse("2001:db8::/32"))),
                    new GroupRule("lab", Set.of(), List.of(Cidr.parse("192.0.2.0/24"))));
        }

        @Override
        public Optional<GroupRule> rule(String group) {
            return rules().stream().filter(r -> r.name().equals(group)).findFirst();
        }

        @Override
        public void assign(String hostId, Set<String> groups) {
            Set<String> members = new HashSet<>(assigned.get("assigned"));
            if (groups.contains("assigned")) {
                members.add(hostId);
            } else {
                members.remove(hostId);
            }
            assigned.put("assigned", members);
        }
    }
}
