package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.group.GroupService;
import io.zeekagent.hub.query.OneShotQueryService;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowUpdate;
import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.SubscriptionResponse;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import io.zeekagent.hub.zeromq.TestHub;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link CompatControl} and {@link CompatRowForwarder} against libzmq: a compat Zeek played in Python on
 * pyzmq ({@code src/test/resources/zeek/compat_peer.py}) subscribes and checks the typed result row byte for byte.
 * Skipped with a message when no {@code python3} can {@code import zmq}.
 */
class CompatPythonPeerTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void libzmqZeekPeerSubscribesAndGetsItsTypedRowByteForByte() throws Exception {
        Path python = PythonZmq.find();
        SubscriptionService subscriptions = mock(SubscriptionService.class);
        when(subscriptions.upsertOwned(anyString(), eq("zeek:zeek-test"), any()))
                .thenAnswer(i -> new SubscriptionResponse(
                        i.getArgument(0),
                        "zeek:zeek-test",
                        "SELECT",
                        CompatFixtures.LISTENING_PORTS,
                        List.of("pid", "name", "protocol", "address", "port"),
                        10,
                        UpdateType.BOTH,
                        SubscriptionKind.RESULTS,
                        Set.of(),
                        Set.of(),
                        true,
                        0,
                        Instant.EPOCH,
                        Instant.EPOCH,
                        "zeek:zeek-test"));
        when(subscriptions.columnsOf(anyString())).thenReturn(List.of("pid", "name", "protocol", "address", "port"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CompatRegistry registry = new CompatRegistry();
        try (TestHub hub = TestHub.start()) {
            CompatRowForwarder rows = new CompatRowForwarder(hub.channel(), registry, meters);
            CompatControl control = new CompatControl(
                    hub.channel(),
                    subscriptions,
                    mock(GroupService.class),
                    mock(OneShotQueryService.class),
                    registry,
                    rows,
                    inbox -> {},
                    mock(ActivityLog.class),
                    meters,
                    new CompatAccess(true, Set.of()));
            hub.channel().subscribe(CompatEvents.CONTROL, control::onControl);
            await().atMost(WAIT).until(hub.channel()::isReady);
            String id = ((CompatCall.Subscribe) CompatCall.from(CompatFixtures.subscribe(CompatEvents.SUBSCRIBE, "c1")))
                    .subscriptionId();
            Path script = Files.createTempFile("compat-peer", ".py");
            try (InputStream in = getClass().getResourceAsStream("/zeek/compat_peer.py")) {
                Files.write(script, in.readAllBytes());
            }
            Process peer = new ProcessBuilder(
                            python.toString(),
                            script.toString(),
                            hub.xpubEndpoint(),
                            hub.xsubEndpoint(),
                            hub.channel().nodeId(),
                            HexFormat.of()
                                    .formatHex(EventCodec.BIN_V1.encode(
                                            CompatFixtures.subscribe(CompatEvents.SUBSCRIBE, "c1"))),
                            CompatRouteTests.LISTENING_PORT_HEX)
                    .redirectErrorStream(true)
                    .start();
            try {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (registry.route(id).isPresent()
                            && hub.channel().awaitSubscriber(CompatFixtures.INBOX, Duration.ZERO)) {
                        rows.accept(new AgentRow(
                                "host-1",
                                "zeromq",
                                RowUpdate.ADD,
                                id,
                                List.of(
                                        BrokerValue.count(812),
                                        BrokerValue.string("sshd"),
                                        BrokerValue.count(6),
                                        BrokerValue.string("0.0.0.0"),
                                        BrokerValue.count(22)),
                                Instant.now()));
                    }
                    return !peer.isAlive();
                });
                String output = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(peer.waitFor(5, TimeUnit.SECONDS)).isTrue();
                assertThat(peer.exitValue()).as(output).isZero();
                assertThat(output).contains("ROW-OK");
                assertThat(meters.get("hub.zeek.compat.calls")
                                .tag("call", "subscribe")
                                .tag("outcome", "applied")
                                .counter()
                                .count())
                        .isOne();
            } finally {
                peer.destroyForcibly();
                control.close();
                Files.deleteIfExists(script);
            }
        }
    }
}
