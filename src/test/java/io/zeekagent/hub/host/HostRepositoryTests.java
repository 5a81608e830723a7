package io.zeekagent.hub.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

/** Tests for {@link HostRepository} and the hosts part of the V1 migration (embedded H2). */
@DataJpaTest
class HostRepositoryTests {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00.123456Z");

    @Autowired
    HostRepository hosts;

    @Autowired
    TestEntityManager em;

    @Test
    void storesAHostWithItsAddressesAndGroups() {
        Host host = host("h1", HostStatus.ONLINE);
        host.setHostname("web-01");
        host.setTransport("zeromq-v1");
        host.replaceAnnouncedAddresses(List.of("10.0.0.5", "2001:db8::5"));
        host.replaceAssignedAddresses(List.of("192.0.2.5"));
        host.replaceAnnouncedGroups(List.of("linux"));
        host.seen(T);
        hosts.saveAndFlush(host);
        em.clear();

        Host read = hosts.findById("h1").orElseThrow();
        assertThat(read.getHostname()).isEqualTo("web-01");
        assertThat(read.getTransport()).isEqualTo("zeromq-v1");
        assertThat(read.getStatus()).isEqualTo(HostStatus.ONLINE);
        assertThat(read.getAddresses()).containsExactly("10.0.0.5", "192.0.2.5", "2001:db8::5");
        assertThat(read.getAnnouncedGroups()).containsExactly("linux");
        assertThat(read.getFirstSeen()).isEqualTo(T);
        assertThat(read.getCreatedAt()).isEqualTo(T);
    }

    @Test
    void findsHostsByAnnouncedOrAssignedAddress() {
        Host announced = host("a", HostStatus.ONLINE);
        announced.replaceAnnouncedAddresses(List.of("10.0.0.5"));
        Host assigned = host("b", HostStatus.PENDING);
        assigned.replaceAssignedAddresses(List.of("10.0.0.5"));
        Host other = host("c", HostStatus.ONLINE);
        other.replaceAnnouncedAddresses(List.of("10.0.0.6"));
        hosts.saveAllAndFlush(List.of(announced, assigned, other));

        assertThat(hosts.findHostIdsByAddress("10.0.0.5")).containsExactlyInAnyOrder("a", "b");
        assertThat(hosts.findHostIdsByAddress("10.9.9.9")).isEmpty();
    }

    @Test
    void findsHostsByAnnouncedGroupAndOnlineStatus() {
        Host a = host("a", HostStatus.ONLINE);
        a.replaceAnnouncedGroups(List.of("linux", "web"));
        Host b = host("b", HostStatus.OFFLINE);
        b.replaceAnnouncedGroups(List.of("linux"));
        hosts.saveAllAndFlush(List.of(a, b, host("c", HostStatus.PENDING)));

        assertThat(hosts.findHostIdsAnnouncingGroup("linux")).containsExactlyInAnyOrder("a", "b");
        assertThat(hosts.findOnlineHostIds()).containsExactly("a");
        assertThat(hosts.findAllIds(List.of("a", "zzz"))).containsExactly("a");
    }

    @Test
    void deletingAHostDeletesItsAddressesAndGroups() {
        Host host = host("h1", HostStatus.ONLINE);
        host.replaceAnnouncedAddresses(List.of("10.0.0.5"));
        host.replaceAnnouncedGroups(List.of("linux"));
        hosts.saveAndFlush(host);

        hosts.delete(host);
        hosts.flush();

        assertThat(count("host_announced_addresses")).isZero();
        assertThat(count("host_announced_groups")).isZero();
    }

    @Test
    void ranTheV1Migration() {
        Object version = em.getEntityManager()
                .createNativeQuery("select \"version\" from \"flyway_schema_history\" where \"version\" = '1'")
                .getSingleResult();
        assertThat(version).hasToString("1");
    }

    private long count(String table) {
        return ((Number) em.getEntityManager()
                        .createNativeQuery("select count(*) from " + table)
                        .getSingleResult())
                .longValue();
    }

    private static Host host(String id, HostStatus status) {
        return new Host(id, status, T);
    }
}
