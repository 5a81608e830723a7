package io.zeekagent.hub.zeek;

import static io.zeekagent.hub.zeek.ZeekWireTests.ANSWER;
import static io.zeekagent.hub.zeek.ZeekWireTests.REQUEST_HEX;
import static io.zeekagent.hub.zeek.ZeekWireTests.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.zeromq.TestHub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link ZeekRequestHandler}: a Zeek node played by raw JeroMQ sockets sends requests through the hub's
 * embedded proxy and reads what comes back on its inbox.
 */
class ZeekRequestHandlerTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String INBOX = "zeek-agent-hub.node.Z1.";

    private final List<AttributeRequest> asked = new CopyOnWriteArrayList<>();
    private final List<String> answeredOn = new CopyOnWriteArrayList<>();
    private volatile boolean memoryAnswers = true;
    private TestHub hub;
    private ZeekMetrics metrics;
    private ZeekNode zeek;
    private InboxTracker inboxes;

    @BeforeEach
    void start() {
        hub = TestHub.start();
        inboxes = new InboxTracker();
        hub.channel().addSubscriptionListener(inboxes);
        metrics = new ZeekMetrics(new SimpleMeterRegistry(), inboxes);
        Attributor attributor = new Attributor() {
            @Override
            public AttributeAnswer attribute(AttributeRequest request) {
                asked.add(request);
                answeredOn.add(Thread.currentThread().getName());
                return ANSWER;
            }

            @Override
            public boolean answersAtOnce() {
                return memoryAnswers;
            }
        };
        ZeekRequestHandler handler = new ZeekRequestHandler(hub.channel(), attributor, inboxes, metrics);
        // As ZeekConfiguration wires it.
        hub.channel().subscribeInline(ZeekTopics.REQUEST, handler::onRequestInline, handler::onRequest);
        await().atMost(WAIT).until(hub.channel()::isReady);
        zeek = new ZeekNode(hub.xpubEndpoint(), hub.xsubEndpoint());
    }

    @AfterEach
    void stop() {
        zeek.close();
        hub.close();
    }

    @Test
    void answersARequestOnTheInboxItNamesWithTheAttributorsAnswer() {
        joinAsZeek();

        zeek.publish(ZeekTopics.REQUEST, bytes(REQUEST_HEX));

        List<byte[]> frames = zeek.receive(WAIT);
        assertThat(frames).isNotNull().hasSize(4);
        assertThat(text(frames.get(0))).isEqualTo(INBOX);
        assertThat(text(frames.get(1))).isEqualTo(hub.channel().nodeId());
        assertThat(text(frames.get(2))).isEqualTo("broker-bin-v1");
        assertThat(frames.get(3)).isEqualTo(bytes(ZeekWireTests.RESPONSE_HEX));
        assertThat(asked).containsExactly(ZeekWireTests.REQUEST);
        assertThat(metrics.answeredComplete.sum()).isOne();
    }

    @Test
    void answersOnTheSocketThreadFromMemoryAndOnTheDispatchThreadWhenTheDatabaseMayBeNeeded() {
        joinAsZeek();

        zeek.publish(ZeekTopics.REQUEST, bytes(REQUEST_HEX));
        assertThat(reqIdOf(zeek.receive(WAIT))).isEqualTo(7);
        memoryAnswers = false;
        zeek.publish(ZeekTopics.REQUEST, bytes(REQUEST_HEX));
        assertThat(reqIdOf(zeek.receive(WAIT))).isEqualTo(7);

        assertThat(answeredOn).containsExactly("zeromq-proxy", "zeromq-dispatch");
        // The dispatch thread counts the answer after queueing it, so the node can hear it first.
        await().atMost(WAIT).until(() -> metrics.answeredComplete.sum() == 2);
    }

    @Test
    void acceptsTheMetadataShapesZeek7x80And81Send() {
        joinAsZeek();
        String timestamp = "0e01 0e02 020000000000000001 09 18eca99300a3b280";
        // 7.x: [name, args, [[1, ts]]]; 8.0: [name, args, []]; 8.1+: [name, args].
        zeek.publish(ZeekTopics.REQUEST, bytes(withMetadata(REQUEST_HEX, 1, timestamp)));
        zeek.publish(ZeekTopics.REQUEST, bytes(withMetadata(REQUEST_HEX, 2, "0e00")));
        zeek.publish(ZeekTopics.REQUEST, bytes(REQUEST_HEX.replace("02 0000000000000007", "02 0000000000000003")));

        List<Long> answered =
                List.of(reqIdOf(zeek.receive(WAIT)), reqIdOf(zeek.receive(WAIT)), reqIdOf(zeek.receive(WAIT)));

        assertThat(answered).containsExactly(1L, 2L, 3L);
        assertThat(metrics.malformed.sum()).isZero();
    }

    @Test
    void dropsAndCountsMalformedRequestsAndKeepsAnswering() {
        joinAsZeek();
        // req_id as int instead of count (Zeek's strict typing), 7 arguments, an inbox outside the node prefix,
        // another event name on the request topic, a payload that is no event at all.
        zeek.publish(ZeekTopics.REQUEST, bytes(REQUEST_HEX.replace("02 0000000000000007", "03 0000000000000007")));
        zeek.publish(
                ZeekTopics.REQUEST, bytes(REQUEST_HEX.replace("0e08", "0e07").replace("08 01bb 01", "")));
        zeek.publish(ZeekTopics.REQUEST, EventCodec.BIN_V1.encode(requestWithInbox("/zeek/zeek-agent/hosts")));
        zeek.publish(
                ZeekTopics.REQUEST,
                EventCodec.BIN_V1.encode(ZeekEvent.of("ZeekAgentHub::something_else", BrokerValue.count(1))));
        zeek.publish(ZeekTopics.REQUEST, new byte[] {0x0e, 0x03, 0x00});
        zeek.publish(ZeekTopics.REQUEST, bytes(REQUEST_HEX));

        assertThat(reqIdOf(zeek.receive(WAIT))).isEqualTo(7);
        assertThat(metrics.malformed.sum()).isEqualTo(4);
        assertThat(hub.drops())
                .as("the undecodable payload is the bridge's drop")
                .isOne();
        assertThat(zeek.receive(Duration.ofMillis(300))).isNull();
    }

    @Test
    void answersOnlyInboxesSomeoneSubscribesTo() {
        joinAsZeek();

        zeek.publish(ZeekTopics.REQUEST, EventCodec.BIN_V1.encode(requestWithInbox("zeek-agent-hub.node.Gone.")));
        zeek.publish(ZeekTopics.REQUEST, bytes(REQUEST_HEX));

        assertThat(reqIdOf(zeek.receive(WAIT))).isEqualTo(7);
        assertThat(metrics.inboxNotSubscribed.sum()).isOne();
        assertThat(asked).hasSize(1);
    }

    /** Subscribes the inbox and waits until the hub's request subscription reached this node and the inbox the hub. */
    private void joinAsZeek() {
        zeek.subscribe(INBOX);
        assertThat(zeek.awaitSubscription(ZeekTopics.REQUEST, WAIT)).isTrue();
        await().atMost(WAIT).until(() -> inboxes.isSubscribed(INBOX));
    }

    private static ZeekEvent requestWithInbox(String inbox) {
        AttributeRequest r = ZeekWireTests.REQUEST;
        return new AttributeRequest(r.reqId(), inbox, r.uid(), r.tsNanos(), r.origH(), r.origP(), r.respH(), r.respP())
                .toEvent();
    }

    /** The request with another req_id and a third (metadata) element in the event body. */
    private static String withMetadata(String requestHex, long reqId, String metadataHex) {
        String body = requestHex.replace("02 0000000000000007", String.format("02 %016x", reqId));
        // The envelope ends with the body's vector header 0e02: three elements now.
        int at = body.indexOf("0e02");
        return body.substring(0, at) + "0e03" + body.substring(at + 4) + metadataHex;
    }

    private static long reqIdOf(List<byte[]> frames) {
        assertThat(frames).isNotNull().hasSize(4);
        return EventCodec.BIN_V1.decode(frames.get(3)).args().get(0).asCount();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
