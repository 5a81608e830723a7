package io.zeekagent.hub.zeek;

import static io.zeekagent.hub.zeek.CompatFixtures.INBOX;
import static io.zeekagent.hub.zeek.CompatFixtures.LISTENING_PORTS;
import static io.zeekagent.hub.zeek.CompatFixtures.grouping;
import static io.zeekagent.hub.zeek.CompatFixtures.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.group.GroupService;
import io.zeekagent.hub.query.CreateQueryRequest;
import io.zeekagent.hub.query.OneShotQueryService;
import io.zeekagent.hub.query.QueryAccepted;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowUpdate;
import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.SubscriptionRequest;
import io.zeekagent.hub.subscription.SubscriptionResponse;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.zeromq.TestHub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Tests for {@link CompatControl} and {@link CompatRowForwarder}: a Zeek node played by raw JeroMQ sockets sends the
 * compat control events through the hub's embedded proxy; the hub's services are mocks, so the tests see exactly
 * what each event asks of them and what comes back on the inbox.
 */
class CompatControlTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String OWNER = "zeek:zeek-test";

    private final SubscriptionService subscriptions = mock(SubscriptionService.class);
    private final GroupService groups = mock(GroupService.class);
    private final OneShotQueryService queries = mock(OneShotQueryService.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CompatRegistry registry = new CompatRegistry();
    private final List<String> welcomed = new CopyOnWriteArrayList<>();
    private TestHub hub;
    private ZeekNode zeek;
    private CompatControl control;
    private CompatRowForwarder rows;

    private void start(boolean enabled) {
        when(subscriptions.columnsOf(anyString())).thenReturn(List.of("pid", "name", "protocol", "address", "port"));
        hub = TestHub.start();
        rows = new CompatRowForwarder(hub.channel(), registry, meters);
        control = new CompatControl(
                hub.channel(),
                subscriptions,
                groups,
                queries,
                registry,
                rows,
                welcomed::add,
                mock(ActivityLog.class),
                meters,
                new CompatAccess(enabled, Set.of()));
        hub.channel().subscribe(CompatEvents.CONTROL, control::onControl);
        await().atMost(WAIT).until(hub.channel()::isReady);
        zeek = new ZeekNode(hub.xpubEndpoint(), hub.xsubEndpoint());
        zeek.subscribe(INBOX);
        assertThat(zeek.awaitSubscription(CompatEvents.CONTROL, WAIT)).isTrue();
        await().atMost(WAIT).until(() -> hub.channel().awaitSubscriber(INBOX, Duration.ofMillis(100)));
    }

    @AfterEach
    void stop() throws Exception {
        if (control != null) {
            control.close();
        }
        if (zeek != null) {
            zeek.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void subscribeCreatesAnOwnedSubscriptionAndRowsComeBackTyped() throws Exception {
        start(true);
        when(subscriptions.upsertOwned(anyString(), eq(OWNER), any())).thenAnswer(i -> response(i.getArgument(0), 5));

        send(subscribe(CompatEvents.SUBSCRIBE, "c1", "dmz"));

        ArgumentCaptor<SubscriptionRequest> request = ArgumentCaptor.forClass(SubscriptionRequest.class);
        ArgumentCaptor<String> id = ArgumentCaptor.forClass(String.class);
        verify(subscriptions, timeout(WAIT.toMillis())).upsertOwned(id.capture(), eq(OWNER), request.capture());
        verify(groups).ensureExists("dmz", OWNER);
        assertThat(id.getValue()).startsWith(CompatRowForwarder.COOKIE_PREFIX);
        assertThat(request.getValue().event()).isEqualTo(LISTENING_PORTS);
        assertThat(request.getValue().updateType()).isEqualTo(UpdateType.BOTH);
        assertThat(request.getValue().intervalSeconds()).isEqualTo(10);
        assertThat(request.getValue().groups()).containsExactly("dmz");
        assertThat(request.getValue().hosts()).isEmpty();
        assertThat(welcomed).containsExactly(INBOX);

        assertThat(rows.accept(new AgentRow(
                        "host-1",
                        "zeromq",
                        RowUpdate.ADD,
                        id.getValue(),
                        List.of(
                                BrokerValue.integer(812),
                                BrokerValue.string("sshd"),
                                BrokerValue.integer(6),
                                BrokerValue.string("0.0.0.0"),
                                BrokerValue.integer(22)),
                        Instant.now())))
                .isTrue();
        List<byte[]> frames = zeek.receive(WAIT);
        assertThat(frames).isNotNull();
        assertThat(new String(frames.get(0))).isEqualTo(INBOX);
        assertThat(frames.get(3))
                .isEqualTo(ZeekWireTests.bytes(CompatRouteTests.LISTENING_PORT_HEX.replace(
                        "05026331", "05026331"))); // cookie c1, as the route of this subscription
        assertThat(counter("subscribe", "applied")).isOne();
    }

    @Test
    void aReplayChangesNothingAndCountsAsReplayed() throws Exception {
        start(true);
        when(subscriptions.upsertOwned(anyString(), eq(OWNER), any())).thenAnswer(i -> response(i.getArgument(0), 5));

        send(subscribe(CompatEvents.SUBSCRIBE, "c1"));
        send(subscribe(CompatEvents.SUBSCRIBE, "c1"));

        await().atMost(WAIT).until(() -> counter("subscribe", "replayed") == 1);
        ArgumentCaptor<String> ids = ArgumentCaptor.forClass(String.class);
        verify(subscriptions, times(2)).upsertOwned(ids.capture(), eq(OWNER), any());
        assertThat(ids.getAllValues().get(0)).isEqualTo(ids.getAllValues().get(1));
        assertThat(registry.size()).isOne();
        assertThat(welcomed).hasSize(1);
    }

    @Test
    void unsubscribeDeletesTheSubscriptionOfThatCookieOnly() throws Exception {
        start(true);
        when(subscriptions.upsertOwned(anyString(), eq(OWNER), any())).thenAnswer(i -> response(i.getArgument(0), 5));
        when(subscriptions.deleteOwned(anyString(), eq(OWNER))).thenReturn(true);
        send(subscribe(CompatEvents.SUBSCRIBE, "c1"));
        send(subscribe(CompatEvents.SUBSCRIBE, "c2"));
        await().atMost(WAIT).until(() -> registry.size() == 2);

        send(subscribe(CompatEvents.UNSUBSCRIBE, "c1"));

        ArgumentCaptor<String> deleted = ArgumentCaptor.forClass(String.class);
        verify(subscriptions, timeout(WAIT.toMillis())).deleteOwned(deleted.capture(), eq(OWNER));
        String c1 = ((CompatCall.Subscribe) CompatCall.from(subscribe(CompatEvents.SUBSCRIBE, "c1"))).subscriptionId();
        String c2 = ((CompatCall.Subscribe) CompatCall.from(subscribe(CompatEvents.SUBSCRIBE, "c2"))).subscriptionId();
        assertThat(deleted.getValue()).isEqualTo(c1);
        assertThat(registry.route(c1)).isEmpty();
        assertThat(registry.route(c2)).isPresent();
    }

    @Test
    void executeRunsOnceEvenWhenReplayedAndItsRowsComeBackAsSnapshots() throws Exception {
        start(true);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<AgentRow>> tap = ArgumentCaptor.forClass(Consumer.class);
        when(queries.create(any(), anyString(), any(), any()))
                .thenReturn(new QueryAccepted("q1", List.of("host-1"), List.of()));

        send(CompatFixtures.execute("run-1"));
        send(CompatFixtures.execute("run-1"));
        await().atMost(WAIT).until(() -> counter("execute", "replayed") == 1);

        ArgumentCaptor<CreateQueryRequest> request = ArgumentCaptor.forClass(CreateQueryRequest.class);
        verify(queries, times(1)).create(request.capture(), eq(LISTENING_PORTS), tap.capture(), eq(OWNER));
        assertThat(request.getValue().hosts()).containsExactly("host-1");
        tap.getValue()
                .accept(new AgentRow(
                        "host-1",
                        "zeromq",
                        RowUpdate.SNAPSHOT,
                        "query-q1",
                        List.of(
                                BrokerValue.integer(1),
                                BrokerValue.string("init"),
                                BrokerValue.integer(6),
                                BrokerValue.string("10.0.0.1"),
                                BrokerValue.integer(80)),
                        Instant.now()));
        ZeekEvent event = EventCodec.BIN_V1.decode(zeek.receive(WAIT).get(3));
        assertThat(event.args().get(0))
                .isEqualTo(BrokerValue.vector(
                        BrokerValue.string("host-1"),
                        BrokerValue.enumValue("ZeekAgent::SNAPSHOT"),
                        BrokerValue.string("once")));
    }

    @Test
    void joinAndLeaveChangeTheOwnedGroupsSubnets() throws Exception {
        start(true);

        send(grouping(CompatEvents.JOIN, "dmz", "10.1.0.0/16"));
        send(grouping(CompatEvents.LEAVE, "dmz", "10.1.0.0/16"));

        verify(groups, timeout(WAIT.toMillis())).changeOwnedSubnets("dmz", OWNER, List.of("10.1.0.0/16"), true);
        verify(groups, timeout(WAIT.toMillis())).changeOwnedSubnets("dmz", OWNER, List.of("10.1.0.0/16"), false);
    }

    @Test
    void aRefusedCallIsAnsweredWithCompatError() throws Exception {
        start(true);
        when(subscriptions.upsertOwned(anyString(), eq(OWNER), any()))
                .thenThrow(new ConflictException("subscription-owned", "Owned", "Subscription x is not yours"));

        send(subscribe(CompatEvents.SUBSCRIBE, "c9"));

        ZeekEvent error = EventCodec.BIN_V1.decode(zeek.receive(WAIT).get(3));
        assertThat(error)
                .isEqualTo(ZeekEvent.of(
                        CompatEvents.ERROR,
                        BrokerValue.string("c9"),
                        BrokerValue.string("Subscription x is not yours")));
        assertThat(counter("subscribe", "refused")).isOne();
    }

    @Test
    void aQueryWhoseColumnsDoNotMatchTheEventIsRefusedBeforeAnythingIsCreated() throws Exception {
        start(true);
        when(subscriptions.columnsOf(anyString())).thenReturn(List.of("pid"));

        send(subscribe(CompatEvents.SUBSCRIBE, "c3"));

        ZeekEvent error = EventCodec.BIN_V1.decode(zeek.receive(WAIT).get(3));
        assertThat(error.args().get(1).asString()).contains("selects 1 columns").contains("takes 5");
        verify(subscriptions, never()).upsertOwned(anyString(), anyString(), any());
        assertThat(registry.size()).isZero();
    }

    @Test
    void disabledControlDoesNothingButSayWhy() throws Exception {
        start(false);

        send(subscribe(CompatEvents.SUBSCRIBE, "c1"));

        ZeekEvent error = EventCodec.BIN_V1.decode(zeek.receive(WAIT).get(3));
        assertThat(error.name()).isEqualTo(CompatEvents.ERROR);
        assertThat(error.args().get(1).asString()).contains("hub.zeek.control-enabled");
        assertThat(counter("subscribe", "disabled")).isOne();
        verify(subscriptions, never()).upsertOwned(anyString(), anyString(), any());
        assertThat(welcomed).isEmpty();
    }

    @Test
    void malformedControlEventsAreCountedAndDropped() throws Exception {
        start(true);

        send(ZeekEvent.of(CompatEvents.SUBSCRIBE, BrokerValue.string("zeek-test")));
        send(ZeekEvent.of(
                CompatEvents.JOIN,
                BrokerValue.count(1),
                BrokerValue.count(2),
                BrokerValue.count(3),
                BrokerValue.count(4)));
        zeek.publish(CompatEvents.CONTROL, new byte[] {1, 2, 3});

        await().atMost(WAIT).until(() -> counter("subscribe", "malformed") == 1 && counter("join", "malformed") == 1);
        control.awaitIdle();
        verify(subscriptions, never()).upsertOwned(anyString(), anyString(), any());
        verify(groups, never()).changeOwnedSubnets(anyString(), anyString(), any(), eq(true));
        assertThat(zeek.receive(Duration.ofMillis(300))).isNull();
    }

    @Test
    void aRowThatDoesNotConvertIsCountedAndNotSent() throws Exception {
        start(true);
        registry.put("zeek-r", CompatRouteTests.ROUTE);

        assertThat(rows.accept(new AgentRow(
                        "host-1", "zeromq", RowUpdate.ADD, "zeek-r", List.of(BrokerValue.string("x")), Instant.now())))
                .isTrue();
        assertThat(rows.accept(
                        new AgentRow("host-1", "zeromq", RowUpdate.ADD, "zeek-unknown", List.of(), Instant.now())))
                .isFalse();

        assertThat(rows.unconvertibleCount()).isOne();
        assertThat(rows.sentCount()).isZero();
        assertThat(zeek.receive(Duration.ofMillis(300))).isNull();
    }

    private void send(ZeekEvent event) {
        zeek.publish(CompatEvents.CONTROL, EventCodec.BIN_V1.encode(event));
    }

    private double counter(String call, String outcome) {
        var c = meters.find("hub.zeek.compat.calls")
                .tag("call", call)
                .tag("outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    private static SubscriptionResponse response(String id, int columns) {
        List<String> names =
                List.of("pid", "name", "protocol", "address", "port").subList(0, columns);
        return new SubscriptionResponse(
                id,
                OWNER,
                "SELECT",
                LISTENING_PORTS,
                names,
                10,
                UpdateType.BOTH,
                SubscriptionKind.RESULTS,
                Set.of(),
                Set.of(),
                true,
                0,
                Instant.EPOCH,
                Instant.EPOCH,
                OWNER);
    }
}
