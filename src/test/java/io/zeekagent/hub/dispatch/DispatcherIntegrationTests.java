package io.zeekagent.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.host.AgentAnnouncement;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.subscription.AgentTables;
import io.zeekagent.hub.subscription.SubscriptionRequest;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import io.zeekagent.hub.system.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Tests for {@link Dispatcher} and {@link DispatchService} with the real stores and a recording transport. */
@SpringBootTest(properties = "hub.dispatch.enabled=false")
@Import(DispatcherIntegrationTests.Recording.class)
class DispatcherIntegrationTests {

    @Autowired
    DispatchService dispatch;

    @Autowired
    HostService hosts;

    @Autowired
    HostPresenceService presence;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    RecordingTransport transport;

    @Test
    void forgetsADeletedHostInMemoryAndInTheDeliveriesTable() {
        String hostId = "deleted-" + UUID.randomUUID();
        presence.registerAgent(announcement(hostId));
        String subscription = subscribe(hostId);
        dispatch.tick();
        assertThat(transport.subscribes(hostId)).hasSize(1);
        assertThat(dispatch.deliveries(subscription, 0, 10).totalElements()).isEqualTo(1);

        hosts.delete(hostId);
        dispatch.tick();
        assertThat(dispatch.deliveries(subscription, 0, 10).totalElements()).isZero();

        // Known again without an announcement's reset: only a forgotten ledger sends the subscription again.
        presence.registerAgent(announcement(hostId));
        dispatch.tick();
        assertThat(transport.subscribes(hostId)).hasSize(2);
    }

    @Test
    void refusesDeliveriesOfAnUnknownSubscriptionButShowsThoseOfADeletedOne() {
        assertThatThrownBy(() -> dispatch.deliveries("no-such-subscription", 0, 10))
                .isInstanceOf(NotFoundException.class);

        String hostId = "kept-" + UUID.randomUUID();
        presence.registerAgent(announcement(hostId));
        String subscription = subscribe(hostId);
        assertThat(dispatch.deliveries(subscription, 0, 10).content()).isEmpty();
        dispatch.tick();
        subscriptions.delete(subscription);
        dispatch.tick();

        assertThat(dispatch.deliveries(subscription, 0, 10).content())
                .singleElement()
                .extracting(DeliveryResponse::state)
                .isEqualTo(DeliveryState.UNSUBSCRIBED);
    }

    @Test
    void listsATargetedHostWhoseAgentLacksTheTableAsNotApplicableWithTheReasonOnce() {
        String hostId = RecordingTransport.V1_LIKE + UUID.randomUUID();
        presence.registerAgent(announcement(hostId));
        String subscription = subscribe(hostId);
        dispatch.tick();

        assertThat(transport.subscribes(hostId)).isEmpty();
        DeliveryResponse row =
                dispatch.deliveries(subscription, 0, 10).content().get(0);
        assertThat(row.state()).isEqualTo(DeliveryState.NOT_APPLICABLE);
        assertThat(row.hostId()).isEqualTo(hostId);
        assertThat(row.message())
                .isEqualTo("not applicable: the recording agent lacks table processes (a zeek-agent v2 table)");

        dispatch.tick();
        assertThat(dispatch.deliveries(subscription, 0, 10).content())
                .singleElement()
                .satisfies(again -> assertThat(again.sentAt()).isEqualTo(row.sentAt()));
    }

    private String subscribe(String hostId) {
        return subscriptions
                .create(new SubscriptionRequest(
                        "s-" + hostId,
                        "SELECT pid FROM processes",
                        null,
                        null,
                        60,
                        UpdateType.ADDED,
                        null,
                        Set.of(hostId),
                        null,
                        null))
                .id();
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

    /** Reaches every host at once and remembers what it was asked to send. */
    static class RecordingTransport implements AgentTransport {

        static final String NAME = "recording";
        /** Hosts whose id starts with this are like v1 agents: they lack the v2-only tables. */
        static final String V1_LIKE = "v1-like-";

        final List<String> subscribed = new CopyOnWriteArrayList<>();

        List<String> subscribes(String hostId) {
            return subscribed.stream().filter(hostId::equals).toList();
        }

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
        public boolean canRun(String hostId, Set<String> tablesRead) {
            return !hostId.startsWith(V1_LIKE) || tablesRead.stream().noneMatch(AgentTables::isV2Only);
        }

        @Override
        public void subscribe(String hostId, SubscriptionCommand command) {
            subscribed.add(hostId);
        }

        @Override
        public void unsubscribe(String hostId, SubscriptionCommand command) {}

        @Override
        public void execute(String hostId, ExecuteCommand command) {}

        @Override
        public void join(String hostId, String group) {}

        @Override
        public void leave(String hostId, String group) {}
    }
}
