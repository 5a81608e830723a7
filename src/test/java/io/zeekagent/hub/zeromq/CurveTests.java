package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Tests for CURVE on the embedded proxy: allowed clients talk, others deliver nothing, the hub carries on. */
class CurveTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RESULTS = "/zeek/zeek-agent/zeek/ZeekMaster";
    private static final ZMQ.Curve.KeyPair SERVER = ZMQ.Curve.generateKeyPair();
    private static final ZMQ.Curve.KeyPair AGENT = ZMQ.Curve.generateKeyPair();
    private static final ZMQ.Curve.KeyPair ZEEK = ZMQ.Curve.generateKeyPair();
    private static final ZMQ.Curve.KeyPair STRANGER = ZMQ.Curve.generateKeyPair();

    private ZeromqBridge hub;
    private final List<InboundEvent> atHub = new CopyOnWriteArrayList<>();
    private final ZContext raw = new ZContext();

    @BeforeEach
    void startCurveHub() {
        hub = TestBridges.embeddedHub(
                "curve.server-public-key", SERVER.publicKey,
                "curve.server-secret-key", SERVER.secretKey,
                "curve.allowed-client-keys", AGENT.publicKey + "," + ZEEK.publicKey);
        hub.subscribe(RESULTS, atHub::add);
        await().atMost(WAIT).until(hub::isReady);
    }

    @AfterEach
    void stopAll() {
        raw.close();
        hub.stop();
    }

    @Test
    void aClientWithAnAllowedKeyExchangesEventsBothWays() throws InterruptedException {
        ZeromqBridge agent = curvePeer(AGENT);
        try {
            List<InboundEvent> atAgent = new CopyOnWriteArrayList<>();
            agent.subscribe("/zeek/zeek-agent/hosts", atAgent::add);
            assertThat(agent.awaitSubscriber(RESULTS, WAIT)).isTrue();
            agent.publish(RESULTS, ZeekEvent.of("ZeekAgent::result", BrokerValue.string("host-1")));
            assertThat(hub.awaitSubscriber("/zeek/zeek-agent/hosts", WAIT)).isTrue();
            hub.publish("/zeek/zeek-agent/hosts", ZeekEvent.of("ZeekAgent::host_join", BrokerValue.string("g")));

            await().atMost(WAIT).until(() -> atHub.size() == 1 && atAgent.size() == 1);
            assertThat(atHub.get(0).senderNodeId()).isEqualTo(agent.nodeId());
            assertThat(atAgent.get(0).senderKey())
                    .as("the agent's node does not run the proxy")
                    .isNull();
        } finally {
            agent.stop();
        }
    }

    @Test
    void eachEventCarriesTheCurveKeyItsConnectionAuthenticatedWith() throws InterruptedException {
        List<InboundEvent> inline = new CopyOnWriteArrayList<>();
        hub.subscribeInline("/zeek/inline", inline::add, atHub::add);
        ZeromqBridge agent = curvePeer(AGENT);
        ZeromqBridge zeek = curvePeer(ZEEK);
        try {
            assertThat(hub.authenticatedSenderKeys()).contains(Set.of(AGENT.publicKey, ZEEK.publicKey));
            assertThat(agent.authenticatedSenderKeys()).isEmpty();
            assertThat(zeek.awaitSubscriber("/zeek/inline", WAIT)).isTrue();
            assertThat(agent.awaitSubscriber(RESULTS, WAIT)).isTrue();
            assertThat(zeek.awaitSubscriber(RESULTS, WAIT)).isTrue();

            agent.publish(RESULTS, ZeekEvent.of("ZeekAgent::result", BrokerValue.string("from-agent")));
            zeek.publish(RESULTS, ZeekEvent.of("ZeekAgent::result", BrokerValue.string("from-zeek")));
            zeek.publish("/zeek/inline", ZeekEvent.of("ZeekAgentHub::request", BrokerValue.string("inline")));

            await().atMost(WAIT).until(() -> atHub.size() == 2 && inline.size() == 1);
            assertThat(atHub)
                    .extracting(e -> e.event().args().get(0).asString(), InboundEvent::senderKey)
                    .containsExactlyInAnyOrder(
                            tuple("from-agent", AGENT.publicKey), tuple("from-zeek", ZEEK.publicKey));
            assertThat(inline.get(0).senderKey()).isEqualTo(ZEEK.publicKey);
        } finally {
            agent.stop();
            zeek.stop();
        }
    }

    @Test
    void clientsWithoutKeysOrWithAnUnknownKeyDeliverNothingAndTheHubCarriesOn() throws InterruptedException {
        assertThat(rawPublisherDelivers(null, 1)).as("no CURVE at all").isFalse();
        assertThat(rawPublisherDelivers(STRANGER, 1)).as("unknown client key").isFalse();
        assertThat(rawSubscriberReceives(STRANGER, Duration.ofSeconds(6)))
                .as("unknown client key, receiving")
                .isFalse();
        assertThat(atHub).isEmpty();
        assertThat(hub.curveRefusals()).isPositive();

        // The positive control may retry with a fresh socket: a CURVE handshake that stalls on a loaded CI machine
        // must not read as a refusal. The negative cases above get one attempt, so a retry cannot hide a leak.
        assertThat(rawPublisherDelivers(AGENT, 3))
                .as("the same client code with the allowed key")
                .isTrue();
        assertThat(rawSubscriberReceives(AGENT, Duration.ofSeconds(20)))
                .as("the same client code with the allowed key, receiving")
                .isTrue();
        assertThat(hub.isReady()).isTrue();
    }

    /**
     * Connects an XPUB like a Zeek node, waits for the hub's subscription, then publishes one event; a connection that
     * saw no subscription within five seconds is replaced by a fresh one, up to {@code attempts} in all.
     */
    private boolean rawPublisherDelivers(ZMQ.Curve.@Nullable KeyPair keys, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (rawPublisherDelivers(keys)) {
                return true;
            }
        }
        return false;
    }

    private boolean rawPublisherDelivers(ZMQ.Curve.@Nullable KeyPair keys) {
        int before = atHub.size();
        ZMQ.Socket xpub = raw.createSocket(SocketType.XPUB);
        try {
            xpub.setLinger(0);
            // Generous: a CURVE handshake on a loaded 2-core CI machine can take seconds.
            xpub.setReceiveTimeOut(5000);
            keys(xpub, keys);
            xpub.connect(hub.proxyEndpoints().orElseThrow().xsub());
            byte[] subscription = xpub.recv();
            if (subscription == null) {
                return false;
            }
            byte[] payload = EventCodec.BIN_V1.encode(ZeekEvent.of("ZeekAgent::result", BrokerValue.string("x")));
            xpub.sendMore(RESULTS);
            xpub.sendMore("raw-node");
            xpub.sendMore("broker-bin-v1".getBytes(StandardCharsets.UTF_8));
            xpub.send(payload);
            await().atMost(WAIT).until(() -> atHub.size() > before);
            return true;
        } finally {
            raw.destroySocket(xpub);
        }
    }

    /** Connects a SUB to the proxy's XPUB and reports whether a hub publication reaches it. */
    private boolean rawSubscriberReceives(ZMQ.Curve.KeyPair keys, Duration within) throws InterruptedException {
        ZMQ.Socket sub = raw.createSocket(SocketType.SUB);
        try {
            sub.setLinger(0);
            sub.setReceiveTimeOut(200);
            keys(sub, keys);
            sub.subscribe("/zeek/zeek-agent/hosts".getBytes(StandardCharsets.UTF_8));
            sub.connect(hub.proxyEndpoints().orElseThrow().xpub());
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                hub.publish("/zeek/zeek-agent/hosts", ZeekEvent.of("ZeekAgent::host_join", BrokerValue.string("g")));
                if (sub.recv() != null) {
                    return true;
                }
            }
            return false;
        } finally {
            raw.destroySocket(sub);
        }
    }

    private static void keys(ZMQ.Socket socket, ZMQ.Curve.@Nullable KeyPair keys) {
        if (keys != null) {
            socket.setCurveServerKey(ZMQ.Curve.z85Decode(SERVER.publicKey));
            socket.setCurvePublicKey(ZMQ.Curve.z85Decode(keys.publicKey));
            socket.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.secretKey));
        }
    }

    private ZeromqBridge curvePeer(ZMQ.Curve.KeyPair keys) {
        ProxyEndpoints endpoints = hub.proxyEndpoints().orElseThrow();
        ZeromqBridge peer = new ZeromqBridge(
                TestBridges.properties(
                        "mode",
                        "connect",
                        "xpub-endpoint",
                        endpoints.xpub(),
                        "xsub-endpoint",
                        endpoints.xsub(),
                        "node-id-prefix",
                        "zeromq_agent",
                        "curve.server-public-key",
                        SERVER.publicKey,
                        "curve.client-public-key",
                        keys.publicKey,
                        "curve.client-secret-key",
                        keys.secretKey),
                EventCodec.BIN_V1);
        peer.start();
        await().atMost(WAIT).until(peer::isReady);
        return peer;
    }
}
