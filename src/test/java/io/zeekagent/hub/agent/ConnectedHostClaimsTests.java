package io.zeekagent.hub.agent;

import static io.zeekagent.hub.support.SingleHostOwnership.owning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.dispatch.DispatchService;
import io.zeekagent.hub.host.PresenceChange;
import io.zeekagent.hub.result.ResultRouter;
import io.zeekagent.hub.zeromq.AgentChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link ConnectedHostClaims} and {@link V1AgentGateway#heardFromUnowned}: the v1 hosts connected here
 * that this replica does not own are heard from again through the presence stage, in order with what the bridge saw.
 */
class ConnectedHostClaimsTests {

    private final AgentTopics topics = properties().topics();
    private final List<PresenceChange> applied = new CopyOnWriteArrayList<>();
    private final PresenceStage stage = new PresenceStage(new RecordingRegistry());
    private final V1AgentGateway gateway = new V1AgentGateway(
            mock(AgentChannel.class),
            properties(),
            new RecordingRegistry(),
            stage,
            mock(DispatchService.class),
            mock(ResultRouter.class),
            mock(ActivityLog.class),
            new SimpleMeterRegistry());

    @AfterEach
    void stopStage() {
        stage.stop();
    }

    @Test
    void hearsAgainFromTheConnectedHostsThisReplicaDoesNotOwnOnly() {
        stage.start();
        connect("mine");
        connect("released");
        connect("gone");
        disconnect("gone");

        int heard = new ConnectedHostClaims(gateway, owning("mine")).claimUnowned();

        assertThat(heard).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(applied).contains(new PresenceChange.Seen("released", true)));
        assertThat(applied)
                .doesNotContain(new PresenceChange.Seen("mine", true), new PresenceChange.Seen("gone", true));
    }

    @Test
    void asksNothingOnASingleNode() {
        stage.start();
        connect("h1");

        assertThat(new ConnectedHostClaims(gateway, HostOwnership.everyHost()).claimUnowned())
                .isZero();
    }

    @Test
    void aHostWhoseAgentLeftBeforeItsReclaimWasAppliedLeavesAgainAfterIt() {
        connect("h1");
        gateway.heardFromUnowned("h1");
        disconnect("h1");

        stage.start();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(applied)
                        .containsExactly(
                                new PresenceChange.Seen("h1"),
                                new PresenceChange.Seen("h1", true),
                                new PresenceChange.Left("h1"),
                                new PresenceChange.Left("h1")));
    }

    private void connect(String hostId) {
        gateway.onSubscriptionChange(topics.host(hostId), true);
    }

    private void disconnect(String hostId) {
        gateway.onSubscriptionChange(topics.host(hostId), false);
    }

    private static AgentProperties properties() {
        return new AgentProperties("ZeekMaster", "/zeek/zeek-agent", Duration.ofSeconds(30));
    }

    /** Knows every host and records what it applied. */
    private final class RecordingRegistry implements AgentRegistry {

        @Override
        public boolean[] apply(List<PresenceChange> changes) {
            applied.addAll(changes);
            boolean[] known = new boolean[changes.size()];
            Arrays.fill(known, true);
            return known;
        }

        @Override
        public Set<String> onlineHostIds(String transport) {
            return Set.of();
        }
    }
}
