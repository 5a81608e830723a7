package io.zeekagent.hub.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.cluster.HostsOrphaned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tests for {@link HostPresenceService} with replicas: a host whose owner was released while its agent stayed
 * connected here is claimed again when heard from, never taken from another replica, hearing from a host that is
 * ONLINE asks nothing about its owner, and a refresh of its last-seen time does not write ONLINE over the leader's
 * OFFLINE (embedded H2, a fake {@link HostOwnership}; {@code ClusterIntegrationTests}
 * runs the same on PostgreSQL with the real leader sweep).
 */
@DataJpaTest
@RecordApplicationEvents
@Import({HostPresenceService.class, HostPresenceServiceTests.Replicas.class})
class HostPresenceServiceTests {

    @Autowired
    HostPresenceService presence;

    @Autowired
    HostRepository repository;

    @Autowired
    FakeOwnership ownership;

    @Autowired
    ApplicationEvents events;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void noOwners() {
        ownership.owners.clear();
        ownership.reclaims.clear();
    }

    @Test
    void claimsAgainAHostTheLeaderReleasedWhenItsAgentIsHeardFrom() {
        presence.registerAgent(announcement("kept"));
        releasedByTheLeader("kept");
        assertThat(status("kept")).isEqualTo(HostStatus.OFFLINE);
        events.clear();

        assertThat(presence.touch("kept")).isTrue();

        assertThat(ownership.reclaims).containsExactly("kept");
        assertThat(ownership.owners).containsEntry("kept", FakeOwnership.ME);
        assertThat(status("kept")).isEqualTo(HostStatus.ONLINE);
        assertThat(events.stream(HostStatusChanged.class))
                .containsExactly(new HostStatusChanged("kept", HostStatus.ONLINE));
    }

    @Test
    void neverTakesAHostAnotherReplicaOwns() {
        presence.registerAgent(announcement("theirs"));
        presence.markOffline("theirs");
        ownership.owners.put("theirs", "b");

        presence.touch("theirs");
        presence.apply(List.of(new PresenceChange.Seen("theirs", true)));

        assertThat(ownership.reclaims).containsExactly("theirs", "theirs");
        assertThat(ownership.owners).containsEntry("theirs", "b");
    }

    @Test
    void asksNothingAboutTheOwnerOfAnOnlineHostItHearsFrom() {
        presence.registerAgent(announcement("busy"));

        for (int i = 0; i < 3; i++) {
            presence.touch("busy");
        }
        presence.apply(List.of(new PresenceChange.Seen("busy"), new PresenceChange.Seen("unknown", true)));

        assertThat(ownership.reclaims).isEmpty();
        assertThat(ownership.owners).containsOnlyKeys("busy");
    }

    @Test
    void claimsAnOnlineHostWithoutOwnerWhenTheCallerFoundThisReplicaDoesNotOwnIt() {
        presence.registerAgent(announcement("stale"));
        ownership.owners.remove("stale"); // released, but a refresh of lastSeen kept it ONLINE

        presence.apply(List.of(new PresenceChange.Seen("stale", true)));

        assertThat(ownership.owners).containsEntry("stale", FakeOwnership.ME);
        assertThat(status("stale")).isEqualTo(HostStatus.ONLINE);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aLastSeenRefreshCommittedAfterTheLeaderMarkedTheHostOfflineLeavesItOffline() {
        presence.registerAgent(announcement("race"));
        clock.advance(Duration.ofSeconds(5));

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            presence.touch("race"); // read ONLINE: only lastSeen is refreshed, written at commit
            try (Connection leader = dataSource.getConnection();
                    PreparedStatement offline =
                            leader.prepareStatement("update hosts set status = 'OFFLINE' where host_id = 'race'")) {
                assertThat(offline.executeUpdate()).isOne();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(status("race"))
                .as("ONLINE written back would hide that the host has no owner")
                .isEqualTo(HostStatus.OFFLINE);
        assertThat(repository.findById("race").orElseThrow().getLastSeen()).isEqualTo(clock.instant());
    }

    /** What the leader does to an expired replica's host: releases it, then marks it OFFLINE. */
    private void releasedByTheLeader(String hostId) {
        ownership.owners.remove(hostId);
        presence.hostsOrphaned(new HostsOrphaned(Set.of(hostId), Set.of(FakeOwnership.ME)));
    }

    private HostStatus status(String hostId) {
        return repository.findById(hostId).orElseThrow().getStatus();
    }

    private static AgentAnnouncement announcement(String hostId) {
        return new AgentAnnouncement(
                hostId, hostId + ".example", "PEER", List.of(), "1.1.0", "standalone", List.of(), "zeromq-v1");
    }

    /** Ownership shared by replicas, held in a map: this replica is {@value FakeOwnership#ME}. */
    static final class FakeOwnership implements HostOwnership {

        static final String ME = "a";

        final Map<String, String> owners = new HashMap<>();
        final List<String> reclaims = new ArrayList<>();

        @Override
        public boolean claim(String hostId) {
            owners.put(hostId, ME);
            return true;
        }

        @Override
        public boolean reclaim(String hostId) {
            reclaims.add(hostId);
            return ME.equals(owners.computeIfAbsent(hostId, h -> ME));
        }

        @Override
        public boolean release(String hostId) {
            return owners.remove(hostId, ME);
        }

        @Override
        public Set<String> ownedAmong(Collection<String> hostIds) {
            Set<String> owned = new HashSet<>();
            hostIds.stream().filter(h -> ME.equals(owners.get(h))).forEach(owned::add);
            return owned;
        }

        @Override
        public boolean isShared() {
            return true;
        }
    }

    /** A clock that moves when told to, in whole microseconds as the database keeps them. */
    static final class MutableClock extends Clock {

        private Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** The fake ownership and a clock. */
    @TestConfiguration
    static class Replicas {

        @Bean
        FakeOwnership hostOwnership() {
            return new FakeOwnership();
        }

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }
}
