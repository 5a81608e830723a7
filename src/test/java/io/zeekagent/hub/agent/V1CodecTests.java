package io.zeekagent.hub.agent;

import static io.zeekagent.hub.broker.BrokerValue.count;
import static io.zeekagent.hub.broker.BrokerValue.enumValue;
import static io.zeekagent.hub.broker.BrokerValue.integer;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static io.zeekagent.hub.broker.BrokerValue.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.dispatch.ExecuteCommand;
import io.zeekagent.hub.dispatch.SubscriptionCommand;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowUpdate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link V1Codec}. */
class V1CodecTests {

    private static final String HOST = "e93716a7-8bc8-4485-bd8f-14e6b346aca3";
    private static final String RES_T = "/zeek/zeek-agent/zeek/ZeekMaster";

    @Test
    void decodesSevenArgumentHostNew() {
        ZeekEvent e = ZeekEvent.of(
                "ZeekAgent::host_new",
                string("C6EAF3CF#7503"),
                string("web-01"),
                string(HOST),
                vector(string("dmz"), string("linux")),
                string("1.1.0"),
                string("standalone"),
                vector(string("192.0.2.10"), string("2001:db8::10")));

        HostAnnouncement a = V1Codec.decodeHostNew(roundTrip(e));

        assertThat(a)
                .isEqualTo(new HostAnnouncement(
                        "C6EAF3CF#7503",
                        "web-01",
                        HOST,
                        List.of("dmz", "linux"),
                        "1.1.0",
                        "standalone",
                        List.of("192.0.2.10", "2001:db8::10")));
    }

    @Test
    void decodesSixArgumentHostNewWithoutAddresses() {
        HostAnnouncement a = V1Codec.decodeHostNew(ZeekEvent.of(
                "ZeekAgent::host_new",
                string("peer"),
                string("web-01"),
                string(HOST),
                vector(),
                string("1.0.2"),
                string("osquery")));

        assertThat(a.hostname()).isEqualTo("web-01");
        assertThat(a.edition()).isEqualTo("osquery");
        assertThat(a.addresses()).isEmpty();
    }

    @Test
    void decodesFiveArgumentHostNewWithoutHostname() {
        HostAnnouncement a = V1Codec.decodeHostNew(ZeekEvent.of(
                "ZeekAgent::host_new",
                string("peer"),
                string(HOST),
                vector(string("g")),
                string("1.0.0"),
                string("standalone")));

        assertThat(a.hostname()).isNull();
        assertThat(a.hostId()).isEqualTo(HOST);
        assertThat(a.groups()).containsExactly("g");
    }

    @Test
    void rejectsHostNewOfAnotherArity() {
        assertThatThrownBy(() -> V1Codec.decodeHostNew(
                        ZeekEvent.of("ZeekAgent::host_new", string("peer"), string(HOST), vector())))
                .isInstanceOf(AgentProtocolException.class)
                .hasMessageContaining("5, 6 or 7 arguments, got 3");
    }

    @Test
    void rejectsHostNewWithWrongTypes() {
        assertThatThrownBy(() -> V1Codec.decodeHostNew(ZeekEvent.of(
                        "ZeekAgent::host_new",
                        string("peer"),
                        string("h"),
                        count(7),
                        vector(),
                        string("1.1.0"),
                        string("standalone"))))
                .isInstanceOf(AgentProtocolException.class)
                .hasMessageContaining("host_id");
        assertThatThrownBy(() -> V1Codec.decodeHostNew(ZeekEvent.of(
                        "ZeekAgent::host_new",
                        string("peer"),
                        string("h"),
                        string(HOST),
                        vector(integer(1)),
                        string("1.1.0"),
                        string("standalone"))))
                .isInstanceOf(AgentProtocolException.class)
                .hasMessageContaining("groups");
    }

    @Test
    void rejectsEmptyOrUnprintableHostIds() {
        for (String bad : List.of("", " ", "a b", "x".repeat(256))) {
            assertThatThrownBy(() -> V1Codec.decodeHostNew(ZeekEvent.of(
                            "ZeekAgent::host_new",
                            string("peer"),
                            string(bad),
                            vector(),
                            string("1.0.0"),
                            string("standalone"))))
                    .isInstanceOf(AgentProtocolException.class);
        }
    }

    @Test
    void decodesResultRowWithHeaderAndColumns() {
        ZeekEvent e = ZeekEvent.of(
                "ZeekAgent::query_result",
                vector(string(HOST), enumValue("ZeekAgent::ADD"), string("sub-1")),
                integer(4242),
                string("/usr/sbin/sshd"));
        Instant now = Instant.parse("2026-11-30T00:00:00Z");

        AgentRow row = V1Codec.decodeRow(roundTrip(e), "zeromq-v1", now);

        assertThat(row.hostId()).isEqualTo(HOST);
        assertThat(row.update()).isEqualTo(RowUpdate.ADD);
        assertThat(row.cookie()).isEqualTo("sub-1");
        assertThat(row.values()).containsExactly(integer(4242), string("/usr/sbin/sshd"));
        assertThat(row.receivedAt()).isEqualTo(now);
    }

    @Test
    void acceptsRemoveAndSnapshotRows() {
        for (RowUpdate u : RowUpdate.values()) {
            ZeekEvent e = ZeekEvent.of("ev", vector(string(HOST), enumValue("ZeekAgent::" + u.name()), string("c")));
            assertThat(V1Codec.decodeRow(e, "zeromq-v1", Instant.EPOCH).update())
                    .isEqualTo(u);
        }
    }

    @Test
    void rejectsRowsWithoutAValidHeader() {
        List<ZeekEvent> bad = List.of(
                ZeekEvent.of("ev"),
                ZeekEvent.of("ev", string(HOST)),
                ZeekEvent.of("ev", vector(string(HOST), enumValue("ZeekAgent::ADD"))),
                ZeekEvent.of("ev", vector(string(HOST), enumValue("ZeekAgent::INITIAL"), string("c"))),
                ZeekEvent.of("ev", vector(count(1), enumValue("ZeekAgent::ADD"), string("c"))),
                ZeekEvent.of("ev", vector(string(HOST), enumValue("ZeekAgent::ADD"), count(1))));
        for (ZeekEvent e : bad) {
            assertThatThrownBy(() -> V1Codec.decodeRow(e, "zeromq-v1", Instant.EPOCH))
                    .as(e.toString())
                    .isInstanceOf(AgentProtocolException.class);
        }
    }

    @Test
    void encodesSubscribeAndUnsubscribeWithTheSixArgumentsOfDesign5() {
        SubscriptionCommand c = new SubscriptionCommand(
                "sub-1", 3, "ZeekAgent::process_events", "SELECT pid FROM processes", "sub-1", "ADDED", 10);

        ZeekEvent subscribe = roundTrip(V1Codec.subscribe(c, RES_T));
        ZeekEvent unsubscribe = roundTrip(V1Codec.unsubscribe(c, RES_T));

        List<BrokerValue> expected = List.of(
                string("ZeekAgent::process_events"),
                string("SELECT pid FROM processes"),
                string("sub-1"),
                string(RES_T),
                string("ADDED"),
                count(10));
        assertThat(subscribe.name()).isEqualTo("ZeekAgent::host_subscribe");
        assertThat(subscribe.args()).isEqualTo(expected);
        assertThat(unsubscribe.name()).isEqualTo("ZeekAgent::host_unsubscribe");
        assertThat(unsubscribe.args()).isEqualTo(expected);
        assertThat(subscribe.networkTimestamp()).isNull();
    }

    @Test
    void encodesExecuteWithSnapshotAndNoInterval() {
        ZeekEvent e =
                roundTrip(V1Codec.execute(new ExecuteCommand("query-1", "ZeekAgent::query_result", "SELECT 1"), RES_T));

        assertThat(e.name()).isEqualTo("ZeekAgent::host_execute");
        assertThat(e.args())
                .containsExactly(
                        string("ZeekAgent::query_result"),
                        string("SELECT 1"),
                        string("query-1"),
                        string(RES_T),
                        string("SNAPSHOT"));
    }

    @Test
    void encodesJoinAndLeaveWithTheGroup() {
        assertThat(V1Codec.join("dmz")).isEqualTo(ZeekEvent.of("ZeekAgent::host_join", string("dmz")));
        assertThat(V1Codec.leave("dmz")).isEqualTo(ZeekEvent.of("ZeekAgent::host_leave", string("dmz")));
    }

    private static ZeekEvent roundTrip(ZeekEvent e) {
        return EventCodec.BIN_V1.decode(EventCodec.BIN_V1.encode(e));
    }
}
