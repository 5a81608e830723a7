package io.zeekagent.hub.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

/** Tests for {@link HostGroupRepository} and the groups part of the V1 migration (embedded H2). */
@DataJpaTest
class HostGroupRepositoryTests {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    @Autowired
    HostGroupRepository groups;

    @Autowired
    TestEntityManager em;

    @Test
    void storesAGroupWithSubnetsAndMembers() {
        HostGroup group = new HostGroup("dmz", T);
        group.define("DMZ", List.of("192.0.2.0/24", "2001:db8::/32"), List.of("h1", "h2"), T);
        groups.saveAndFlush(group);
        em.clear();

        HostGroup read = groups.findById("dmz").orElseThrow();
        assertThat(read.getDescription()).isEqualTo("DMZ");
        assertThat(read.getSubnets()).containsExactly("192.0.2.0/24", "2001:db8::/32");
        assertThat(read.getHostIds()).containsExactly("h1", "h2");
        assertThat(read.toRule().coversAny(List.of("::ffff:192.0.2.9"))).isTrue();
    }

    @Test
    void findsGroupsAHostIsAssignedTo() {
        HostGroup a = new HostGroup("a", T);
        a.define(null, List.of(), List.of("h1"), T);
        HostGroup b = new HostGroup("b", T);
        b.define(null, List.of(), List.of("h2"), T);
        groups.saveAllAndFlush(List.of(a, b));

        assertThat(groups.findByExplicitMember("h1"))
                .extracting(HostGroup::getName)
                .containsExactly("a");
    }

    @Test
    void deletingAGroupDeletesItsSubnetsAndMembers() {
        HostGroup group = new HostGroup("dmz", T);
        group.define(null, List.of("10.0.0.0/8"), List.of("h1"), T);
        groups.saveAndFlush(group);

        groups.delete(group);
        groups.flush();

        assertThat(((Number) em.getEntityManager()
                                .createNativeQuery("select count(*) from agent_group_hosts")
                                .getSingleResult())
                        .longValue())
                .isZero();
    }
}
