package io.zeekagent.hub.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;

/** Tests for {@link HostDetailsService} and the V5 migration (embedded H2). */
@DataJpaTest
@Import(HostDetailsService.class)
class HostDetailsServiceTests {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00.123456Z");

    @Autowired
    HostDetailsService details;

    @Autowired
    HostRepository hosts;

    @Autowired
    TestEntityManager em;

    @Test
    void storesWhatTheAgentReportedAndReadsItBack() {
        hosts.saveAndFlush(new Host("h1", HostStatus.ONLINE, T));

        assertThat(details.record("h1", linux(Set.of("sockets", "processes"), T)))
                .isTrue();
        em.flush();
        em.clear();

        HostDetails read = details.find("h1").orElseThrow();
        assertThat(read.platform()).isEqualTo("Linux");
        assertThat(read.osName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(read.kernelVersion()).isEqualTo("6.1.0-18-amd64");
        assertThat(read.kernelArch()).isEqualTo("x86_64");
        assertThat(read.tables()).containsExactly("processes", "sockets");
        assertThat(read.reportedAt()).isEqualTo(T);
    }

    @Test
    void aNewReportReplacesTheOldOne() {
        hosts.saveAndFlush(new Host("h1", HostStatus.ONLINE, T));
        details.record("h1", linux(Set.of("sockets"), T));
        em.flush();

        details.record("h1", linux(Set.of("users"), T.plusSeconds(60)));
        em.flush();
        em.clear();

        assertThat(details.find("h1").orElseThrow().tables()).containsExactly("users");
    }

    @Test
    void storesNothingForAHostTheHubDoesNotKnow() {
        assertThat(details.record("nobody", linux(Set.of("sockets"), T))).isFalse();
        assertThat(details.find("nobody")).isEmpty();
    }

    @Test
    void oversizedTextFromTheAgentIsCutToFitNotRefused() {
        hosts.saveAndFlush(new Host("h1", HostStatus.ONLINE, T));
        Set<String> manyTables = new TreeSet<>();
        for (int i = 0; i < 1000; i++) {
            manyTables.add("table_" + i);
        }
        manyTables.add("bad,name");

        details.record("h1", new HostDetails("L".repeat(500), "os", "k", "v".repeat(1000), "x86_64", manyTables, T));
        em.flush();
        em.clear();

        HostDetails read = details.find("h1").orElseThrow();
        assertThat(read.platform()).hasSize(64);
        assertThat(read.kernelVersion()).hasSize(255);
        assertThat(read.tables())
                .isNotEmpty()
                .allMatch(t -> t.startsWith("table_"))
                .doesNotContain("bad,name");
        assertThat(String.join(",", read.tables()).length()).isLessThanOrEqualTo(StoredHostDetails.TABLES_LENGTH);
    }

    @Test
    void detailsGoWithTheHost() {
        hosts.saveAndFlush(new Host("h1", HostStatus.ONLINE, T));
        details.record("h1", linux(Set.of("sockets"), T));
        em.flush();
        em.clear();

        hosts.delete(hosts.findById("h1").orElseThrow());
        em.flush();
        em.clear();

        assertThat(details.find("h1")).isEmpty();
    }

    @Test
    void aPageOfHostsGetsTheDetailsOfThoseThatHaveAny() {
        hosts.saveAndFlush(new Host("v1", HostStatus.ONLINE, T));
        hosts.saveAndFlush(new Host("v2", HostStatus.ONLINE, T));
        details.record("v2", linux(Set.of("sockets"), T));
        em.flush();
        em.clear();

        var page = details.addTo(new io.zeekagent.hub.system.PageResponse<>(
                List.of(
                        HostResponse.from(hosts.findById("v1").orElseThrow(), Set.of(), Set.of()),
                        HostResponse.from(hosts.findById("v2").orElseThrow(), Set.of(), Set.of())),
                0,
                20,
                2,
                1));

        assertThat(page.content().get(0).details()).isNull();
        assertThat(page.content().get(1).details().tables()).containsExactly("sockets");
        assertThat(page.totalElements()).isEqualTo(2);
    }

    static HostDetails linux(Set<String> tables, Instant at) {
        return new HostDetails(
                "Linux", "Debian GNU/Linux 12 (bookworm)", "Linux", "6.1.0-18-amd64", "x86_64", tables, at);
    }
}
