package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link ZeromqBridge}: two Java nodes talking through the embedded proxy. */
class ZeromqBridgeTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ZeromqBridge hub;
    private ZeromqBridge peer;

    @BeforeEach
    void startHubAndPeer() {
        hub = TestBridges.embeddedHub();
        peer = TestBridges.peerOf(hub);
        await().atMost(WAIT).until(() -> hub.isReady() && peer.isReady());
    }

    @AfterEach
    void stopAll() {
        peer.stop();
        hub.stop();
    }

    @Test
    void exchangesEventsInBothDirectionsThroughTheEmbeddedProxy() throws InterruptedException {
        List<InboundEvent> atPeer = new CopyOnWriteArrayList<>();
        List<InboundEvent> atHub = new CopyOnWriteArrayList<>();
        peer.subscribe("/zeek/zeek-agent/hosts", atPeer::add);
        hub.subscribe("/zeek/zeek-agent/zeek/ZeekMaster", atHub::add);
        ZeekEvent join = ZeekEvent.of("ZeekAgent::host_join", BrokerValue.string("linux"));
        ZeekEvent row = ZeekEvent.of("ZeekAgent::result", BrokerValue.string("host-1"), BrokerValue.count(7));

        assertThat(hub.awaitSubscriber("/zeek/zeek-agent/hosts", WAIT)).isTrue();
        hub.publish("/zeek/zeek-agent/hosts", join);
        assertThat(peer.awaitSubscriber("/zeek/zeek-agent/zeek/ZeekMaster", WAIT))
                .isTrue();
        peer.publish("/zeek/zeek-agent/zeek/ZeekMaster", row);

        await().atMost(WAIT).until(() -> atPeer.size() == 1 && atHub.size() == 1);
        assertThat(atPeer.get(0)).isEqualTo(new InboundEvent("/zeek/zeek-agent/hosts", hub.nodeId(), join, null));
        assertThat(atHub.get(0))
                .isEqualTo(new InboundEvent("/zeek/zeek-agent/zeek/ZeekMaster", peer.nodeId(), row, null));
        assertThat(hub.stats().messagesOut.sum()).isEqualTo(1);
        assertThat(peer.stats().messagesIn.sum()).isEqualTo(1);
    }

    @Test
    void inlineHandlersRunOnTheSocketThreadAndPassOnWhatTheyDeclineOrShare() throws InterruptedException {
        List<String> inline = new CopyOnWriteArrayList<>();
        List<String> fallback = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        hub.subscribeInline(
                "/fast/",
                event -> {
                    inline.add(arg(event) + "@" + Thread.currentThread().getName());
                    return !arg(event).equals("declined");
                },
                event -> fallback.add(arg(event) + "@" + Thread.currentThread().getName()));
        hub.subscribe("/fast/shared", event -> other.add(arg(event)));
        assertThat(peer.awaitSubscriber("/fast/x", WAIT)).isTrue();

        for (String what : List.of("taken", "declined")) {
            peer.publish("/fast/x", ZeekEvent.of("Test::e", BrokerValue.string(what)));
        }
        peer.publish("/fast/shared", ZeekEvent.of("Test::e", BrokerValue.string("shared")));
        peer.publish("/fast/x", ZeekEvent.of("Test::e", BrokerValue.string("last")));

        await().atMost(WAIT).until(() -> inline.size() == 3 && other.size() == 1);
        // In embedded-proxy mode the proxy's thread is the hub node's socket thread.
        assertThat(inline).containsExactly("taken@zeromq-proxy", "declined@zeromq-proxy", "last@zeromq-proxy");
        // Declined: the dispatch thread delivers it (decoded once); shared with another handler: never inline.
        assertThat(fallback).containsExactly("declined@zeromq-dispatch", "shared@zeromq-dispatch");
        assertThat(other).containsExactly("shared");
    }

    private static String arg(InboundEvent event) {
        return event.event().args().get(0).asString();
    }

    @Test
    void matchesTopicsByPrefixAndOffersExactMatching() throws InterruptedException {
        List<String> byPrefix = new CopyOnWriteArrayList<>();
        List<String> exact = new CopyOnWriteArrayList<>();
        peer.subscribe("/zeek/zeek-agent/host/", event -> byPrefix.add(event.topic()));
        peer.subscribeExact("/zeek/zeek-agent/host/a", event -> exact.add(event.topic()));
        assertThat(hub.awaitSubscriber("/zeek/zeek-agent/host/a", WAIT)).isTrue();

        for (String topic : List.of("/zeek/zeek-agent/host/a", "/zeek/zeek-agent/host/ab", "/zeek/zeek-agent/hosts")) {
            hub.publish(topic, ZeekEvent.of("ZeekAgent::host_leave", BrokerValue.string("g")));
        }
        hub.publish("/zeek/zeek-agent/host/done", ZeekEvent.of("ZeekAgent::host_leave", BrokerValue.string("g")));

        await().atMost(WAIT).until(() -> byPrefix.contains("/zeek/zeek-agent/host/done"));
        assertThat(byPrefix)
                .containsExactly("/zeek/zeek-agent/host/a", "/zeek/zeek-agent/host/ab", "/zeek/zeek-agent/host/done");
        assertThat(exact).containsExactly("/zeek/zeek-agent/host/a");
    }

    @Test
    void dropsItsOwnPublicationsEchoedByTheProxy() throws InterruptedException {
        List<InboundEvent> atHub = new CopyOnWriteArrayList<>();
        List<InboundEvent> atPeer = new CopyOnWriteArrayList<>();
        List<String> changes = new CopyOnWriteArrayList<>();
        hub.addSubscriptionListener((topic, subscribed) -> changes.add((subscribed ? "+" : "-") + topic));
        hub.subscribe("/zeek/zeek-agent/hosts", atHub::add);
        peer.subscribe("/zeek/zeek-agent/hosts", atPeer::add);
        // Every subscribe is reported: the second one is the peer's, arrived at the proxy.
        await().atMost(WAIT)
                .until(() -> changes.stream()
                                .filter("+/zeek/zeek-agent/hosts"::equals)
                                .count()
                        == 2);
        assertThat(peer.awaitSubscriber("/zeek/zeek-agent/hosts", WAIT)).isTrue();

        // A node joined to a proxy (connect mode) gets back what it publishes on a topic it subscribes to.
        peer.publish("/zeek/zeek-agent/hosts", ZeekEvent.of("ZeekAgent::host_join", BrokerValue.string("peer")));
        // The hub's node lives in the proxy: its publications go only to the other peers.
        hub.publish("/zeek/zeek-agent/hosts", ZeekEvent.of("ZeekAgent::host_join", BrokerValue.string("hub")));

        await().atMost(WAIT).until(() -> atPeer.size() == 1 && atHub.size() == 1);
        await().atMost(WAIT).until(() -> peer.stats().drops(DropReason.SELF_ECHO) == 1);
        assertThat(atHub.get(0).senderNodeId()).isEqualTo(peer.nodeId());
        assertThat(atPeer.get(0).senderNodeId()).isEqualTo(hub.nodeId());
        assertThat(hub.stats().drops(DropReason.SELF_ECHO)).isZero();
    }

    @Test
    void reportsSubscriptionsAndTheUnsubscriptionOfADisconnectedPeer() {
        List<String> changes = new CopyOnWriteArrayList<>();
        hub.addSubscriptionListener((topic, subscribed) -> changes.add((subscribed ? "+" : "-") + topic));
        peer.subscribe("/zeek/zeek-agent/host/h1", event -> {});
        await().atMost(WAIT).until(() -> changes.contains("+/zeek/zeek-agent/host/h1"));
        assertThat(hub.clusterSubscriptionCount()).isPositive();

        peer.stop();

        await().atMost(WAIT).until(() -> changes.contains("-/zeek/zeek-agent/host/h1"));
        assertThat(changes).noneMatch(change -> change.contains(ClusterSubscriptions.INTERNAL_PREFIX));
    }

    @Test
    void unsubscribesFromTheClusterWhenTheLastHandlerCloses() {
        List<String> changes = new CopyOnWriteArrayList<>();
        hub.addSubscriptionListener((topic, subscribed) -> changes.add((subscribed ? "+" : "-") + topic));
        Subscription first = peer.subscribe("/zeek/zeek-agent/group/g", event -> {});
        Subscription second = peer.subscribe("/zeek/zeek-agent/group/g", event -> {});
        await().atMost(WAIT).until(() -> changes.contains("+/zeek/zeek-agent/group/g"));

        first.close();
        second.close();

        await().atMost(WAIT).until(() -> changes.contains("-/zeek/zeek-agent/group/g"));
        assertThat(changes.indexOf("-/zeek/zeek-agent/group/g")).isEqualTo(changes.size() - 1);
    }

    @Test
    void restartsOnFreshPortsAndKeepsItsHandlers() throws InterruptedException {
        List<InboundEvent> atHub = new CopyOnWriteArrayList<>();
        hub.subscribe("/zeek/zeek-agent/zeek/", atHub::add);
        peer.stop();
        hub.stop();
        assertThat(hub.isRunning()).isFalse();
        assertThat(hub.isReady()).isFalse();
        hub.publish("/zeek/zeek-agent/hosts", ZeekEvent.of("ZeekAgent::host_leave", BrokerValue.string("g")));
        assertThat(hub.stats().drops(DropReason.NOT_RUNNING)).isEqualTo(1);

        hub.start();
        peer = TestBridges.peerOf(hub);
        await().atMost(WAIT).until(() -> hub.isReady() && peer.isReady());
        assertThat(peer.awaitSubscriber("/zeek/zeek-agent/zeek/ZeekMaster", WAIT))
                .isTrue();
        peer.publish("/zeek/zeek-agent/zeek/ZeekMaster", ZeekEvent.of("ZeekAgent::x"));

        await().atMost(WAIT).until(() -> atHub.size() == 1);
    }
}
