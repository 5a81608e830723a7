package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.dispatch.AgentTransport;
import io.zeekagent.hub.dispatch.DispatchService;
import io.zeekagent.hub.dispatch.ExecuteCommand;
import io.zeekagent.hub.dispatch.SubscriptionCommand;
import io.zeekagent.hub.group.CreateGroupRequest;
import io.zeekagent.hub.group.GroupService;
import io.zeekagent.hub.host.AgentAnnouncement;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.host.PresenceChange;
import io.zeekagent.hub.host.UpdateHostRequest;
import io.zeekagent.hub.subscription.SubscriptionRequest;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import io.zeekagent.hub.support.PostgresTest;
import io.zeekagent.hub.support.PostgresTestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tests for the {@code kafka} engine's ownership, leases and leader in a full context on PostgreSQL; the other
 * replicas are rows written by the test. Also the re-claim of a host released while its agent stayed connected.
 */
@PostgresTest
@SpringBootTest(
        properties = {
            "hub.cluster.engine=kafka",
            "spring.kafka.bootstrap-servers=127.0.0.1:1",
            "hub.cluster.kafka.create-topics=false",
            "hub.cluster.replica-id=me",
            "hub.cluster.heartbeat=200ms",
            "hub.cluster.lease=1s",
            "hub.dispatch.enabled=false"
        })
@Import(ClusterIntegrationTests.Recording.class)
class ClusterIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    HostPresenceService presence;

    @Autowired
    HostService hosts;

    @Autowired
    DispatchService dispatch;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GroupService groups;

    @Autowired
    RecordingTransport transport;

    @Autowired
    ClusterHealthIndicator health;

    @Autowired
    ReplicaLeases leases;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Test
    void dispatchSendsOnlyToTheHostsThisReplicaOwns() {
        presence.registerAgent(announcement("d-mine"));
        presence.registerAgent(announcement("d-theirs"));
        otherReplicaOwns("other", "d-theirs");
        subscribe(Set.of("d-mine", "d-theirs"));

        dispatch.tick();

        assertThat(transport.subscribed).contains("d-mine").doesNotContain("d-theirs");
    }

    @Test
    void theOwnerSendsAGroupAssignmentMadeOverRestWithinOneTick() {
        presence.registerAgent(announcement("g-1"));
        groups.create(new CreateGroupRequest("g-web", null, null, null));
        dispatch.tick();

        hosts.update("g-1", new UpdateHostRequest(null, Set.of("g-web")));
        dispatch.tick();
        dispatch.tick();

        assertThat(transport.joined).containsExactly("g-1:g-web");
    }

    @Test
    void anAgentLeavingAHostAnotherReplicaOwnsLeavesItOnline() {
        presence.registerAgent(announcement("l-moved"));
        otherReplicaOwns("other", "l-moved");

        presence.markOffline("l-moved");

        assertThat(hosts.get("l-moved").status()).isEqualTo(HostStatus.ONLINE);
    }

    @Test
    void theLeaderMarksTheHostsOfAReplicaWhoseLeaseExpiredOffline() {
        presence.registerAgent(announcement("o-orphan"));
        otherReplicaOwns("ghost", "o-orphan");
        jdbc.update("update hub_replicas set lease_until = now() - interval '1 second' where replica_id = 'ghost'");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(hosts.get("o-orphan").status()).isEqualTo(HostStatus.OFFLINE));
        assertThat(jdbc.queryForObject(
                        "select owner_replica from host_owners where host_id = 'o-orphan'", String.class))
                .isNull();

        presence.registerAgent(announcement("o-orphan"));
        assertThat(hosts.get("o-orphan").status()).isEqualTo(HostStatus.ONLINE);
        assertThat(jdbc.queryForObject(
                        "select owner_replica from host_owners where host_id = 'o-orphan'", String.class))
                .isEqualTo("me");
    }

    @Test
    void aHostReleasedWhileItsAgentStayedIsClaimedAgainWhenHeardFromAndDispatchedToWithoutRedelivery() {
        presence.registerAgent(announcement("r-kept"));
        subscribe("r-first", "SELECT pid FROM processes", Set.of("r-kept"));
        dispatch.tick();
        sweptWhileThisReplicasLeaseHadLapsed();
        assertThat(hosts.get("r-kept").status()).isEqualTo(HostStatus.OFFLINE);
        assertThat(owner("r-kept")).isNull();
        subscribe("r-second", "SELECT name FROM processes", Set.of("r-kept"));
        dispatch.tick();
        double reclaimed = reclaimed();

        presence.touch("r-kept");

        assertThat(hosts.get("r-kept").status()).isEqualTo(HostStatus.ONLINE);
        assertThat(owner("r-kept")).isEqualTo("me");
        assertThat(reclaimed()).isEqualTo(reclaimed + 1);
        dispatch.tick();
        assertThat(transport.sent.stream().filter(s -> s.startsWith("r-kept ") && s.endsWith(" FROM processes")))
                .as("the agent kept what it ran: only the subscription made meanwhile is sent")
                .containsExactly("r-kept SELECT pid FROM processes", "r-kept SELECT name FROM processes");
    }

    @Test
    void hearingFromAHostAnotherLiveReplicaOwnsLeavesItThatReplicas() {
        presence.registerAgent(announcement("r-theirs"));
        otherReplicaOwns("other", "r-theirs");
        jdbc.update("update hosts set status = 'OFFLINE' where host_id = 'r-theirs'");

        presence.touch("r-theirs");
        presence.apply(List.of(new PresenceChange.Seen("r-theirs", true)));

        assertThat(owner("r-theirs")).isEqualTo("other");
    }

    @Test
    void healthShowsTheReplicaAndThatItLeads() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Object> details = health.health().getDetails();
            assertThat(details).containsEntry("replica", "me").containsEntry("leader", true);
            assertThat(String.valueOf(details.get("liveReplicas"))).contains("me");
            // Cross-replica attribution is wired in: no peer asked yet, so nothing degraded.
            assertThat(String.valueOf(details.get("peers"))).contains("status=ok");
        });
    }

    private void otherReplicaOwns(String replica, String hostId) {
        jdbc.update(
                "insert into hub_replicas (replica_id, rest_url, started_at, lease_until)"
                        + " values (?, 'http://x', now(), now() + interval '1 hour') on conflict do nothing",
                replica);
        jdbc.update(
                "update host_owners set owner_replica = ?, owner_epoch = owner_epoch + 1 where host_id = ?",
                replica,
                hostId);
    }

    /**
     * The leader's sweep while this replica's lease had lapsed (its renewals failing, its agents still connected):
     * in one transaction, so the heartbeat cannot renew in between.
     */
    private void sweptWhileThisReplicasLeaseHadLapsed() {
        transactions.executeWithoutResult(status -> {
            jdbc.update("update hub_replicas set lease_until = now() - interval '1 second' where replica_id = 'me'");
            assertThat(leases.releaseExpired().hostIds()).contains("r-kept");
        });
    }

    private @Nullable String owner(String hostId) {
        return jdbc.queryForObject("select owner_replica from host_owners where host_id = ?", String.class, hostId);
    }

    private double reclaimed() {
        return meters.counter("hub.cluster.host.claims", "result", "reclaimed").count();
    }

    private void subscribe(Set<String> hostIds) {
        subscribe("s-" + hostIds.hashCode(), "SELECT pid FROM processes", hostIds);
    }

    private void subscribe(String name, String query, Set<String> hostIds) {
        subscriptions.create(
                new SubscriptionRequest(name, query, null, null, 60, UpdateType.ADDED, null, hostIds, null, null));
    }

    private static AgentAnnouncement announcement(String hostId) {
        return new AgentAnnouncement(
                hostId, "h", "PEER", List.of(), "2.0.0", "standalone", List.of(), RecordingTransport.NAME);
    }

    /** Installs the recording transport. */
    @TestConfiguration
    static class Recording {

        @Bean
        RecordingTransport recordingTransport() {
            return new RecordingTransport();
        }
    }

    /** Reaches every host at once and remembers which hosts it was asked to subscribe. */
    static class RecordingTransport implements AgentTransport {

        static final String NAME = "recording";

        final List<String> subscribed = new CopyOnWriteArrayList<>();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> joined = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public boolean isAddressable(String hostId) {
            return true;
        }

        @Override
        public void subscribe(String hostId, SubscriptionCommand command) {
            subscribed.add(hostId);
            sent.add(hostId + " " + command.query());
        }

        @Override
        public void unsubscribe(String hostId, SubscriptionCommand command) {}

        @Override
        public void execute(String hostId, ExecuteCommand command) {}

        @Override
        public void join(String hostId, String group) {
            joined.add(hostId + ":" + group);
        }

        @Override
        public void leave(String hostId, String group) {}
    }
}
