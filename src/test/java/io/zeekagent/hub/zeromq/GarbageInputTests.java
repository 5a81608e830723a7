package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Tests for {@link ZeromqBridge} under malformed input from a raw ZeroMQ publisher. */
class GarbageInputTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOPIC = "/zeek/zeek-agent/zeek/ZeekMaster";
    private static final byte[] SENDER = "zeromq_garbage_1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BIN_V1 = "broker-bin-v1".getBytes(StandardCharsets.UTF_8);

    private final List<InboundEvent> received = new CopyOnWriteArrayList<>();
    private ZeromqBridge hub;
    private ZContext context;
    private ZMQ.Socket publisher;

    @BeforeEach
    void connectRawPublisher() {
        hub = TestBridges.embeddedHub();
        hub.subscribe("/zeek/zeek-agent/zeek/", received::add);
        context = new ZContext();
        // The hub's subscription reaches a newly connected publisher when the proxy attaches its pipe; under load that
        // was once not seen within 10 s, so a publisher that has not seen it reconnects (a fresh attach resends it).
        for (int attempt = 1; ; attempt++) {
            publisher = context.createSocket(SocketType.XPUB);
            publisher.setLinger(0);
            publisher.connect(hub.proxyEndpoints().orElseThrow().xsub());
            try {
                await().atMost(WAIT).until(this::sawHubSubscription);
                return;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                context.destroySocket(publisher);
            }
        }
    }

    private boolean sawHubSubscription() {
        // Drain all forwarded subscriptions per poll, not one: the hub subscribes to several topics.
        boolean seen = false;
        for (byte[] s = publisher.recv(ZMQ.DONTWAIT); s != null; s = publisher.recv(ZMQ.DONTWAIT)) {
            seen |= new String(s, StandardCharsets.UTF_8).endsWith("/zeek/zeek-agent/zeek/");
        }
        return seen;
    }

    @AfterEach
    void close() {
        context.close();
        hub.stop();
    }

    @Test
    void dropsAndCountsMalformedMessagesAndStillDeliversValidOnes() {
        byte[] valid = EventCodec.BIN_V1.encode(ZeekEvent.of("ZeekAgent::row", BrokerValue.string("host-1")));
        byte[] topic = TOPIC.getBytes(StandardCharsets.UTF_8);

        send(topic);
        send(topic, SENDER, BIN_V1, valid, valid, valid, valid);
        send(topic, SENDER, "broker-json-v1".getBytes(StandardCharsets.UTF_8), valid);
        send(topic, SENDER, "zeek-bin-serializer".getBytes(StandardCharsets.UTF_8), valid);
        int truncations = 0;
        for (int length = 0; length < valid.length; length += 3) {
            send(topic, SENDER, BIN_V1, Arrays.copyOf(valid, length));
            truncations++;
        }
        send(topic, SENDER, BIN_V1, valid);

        await().atMost(WAIT).until(() -> received.size() == 1);
        assertThat(received.get(0).senderNodeId()).isEqualTo("zeromq_garbage_1");
        assertThat(received.get(0).event().name()).isEqualTo("ZeekAgent::row");
        assertThat(hub.stats().drops(DropReason.FRAME_COUNT)).isEqualTo(2);
        assertThat(hub.stats().drops(DropReason.SERIALIZER)).isEqualTo(2);
        assertThat(hub.stats().drops(DropReason.UNDECODABLE)).isEqualTo(truncations);
        assertThat(hub.stats().decodeErrors()).isEqualTo(truncations);
        assertThat(hub.isRunning()).isTrue();
    }

    @Test
    void survivesRandomFramesAndKeepsDelivering() {
        Random random = new Random(4);
        int messages = 500;
        for (int i = 0; i < messages; i++) {
            int frames = 1 + random.nextInt(8);
            byte[][] parts = new byte[frames][];
            parts[0] = (TOPIC + i).getBytes(StandardCharsets.UTF_8);
            for (int f = 1; f < frames; f++) {
                parts[f] = new byte[random.nextInt(64)];
                random.nextBytes(parts[f]);
            }
            if (frames == 4 && random.nextBoolean()) {
                parts[2] = BIN_V1;
            }
            send(parts);
        }
        send(TOPIC.getBytes(StandardCharsets.UTF_8), SENDER, BIN_V1, EventCodec.BIN_V1.encode(ZeekEvent.of("Z::ok")));

        await().atMost(WAIT)
                .until(() -> received.stream().anyMatch(e -> e.event().name().equals("Z::ok")));
        BridgeStats stats = hub.stats();
        long dropped = stats.drops(DropReason.FRAME_COUNT)
                + stats.drops(DropReason.SERIALIZER)
                + stats.drops(DropReason.UNDECODABLE);
        assertThat(dropped + received.size()).isEqualTo(messages + 1);
        assertThat(stats.messagesIn.sum()).isEqualTo(messages + 1);
        assertThat(hub.isReady()).isTrue();
    }

    private void send(byte[]... frames) {
        List<byte[]> parts = new ArrayList<>(List.of(frames));
        for (int i = 0; i < parts.size(); i++) {
            publisher.send(parts.get(i), i < parts.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }
}
