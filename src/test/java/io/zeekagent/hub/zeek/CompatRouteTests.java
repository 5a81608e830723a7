package io.zeekagent.hub.zeek;

import static io.zeekagent.hub.zeek.CompatFixtures.INBOX;
import static io.zeekagent.hub.zeek.CompatFixtures.LISTENING_PORTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowUpdate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link CompatRoute}: the result event a Zeek gets, byte for byte. */
class CompatRouteTests {

    static final CompatRoute ROUTE = new CompatRoute(
            "zeek:zeek-test",
            INBOX,
            LISTENING_PORTS,
            "c1",
            CompatSignature.columns(CompatFixtures.LISTENING_PORTS_TYPE));

    /**
     * {@code listening_port([host-1, ZeekAgent::ADD, c1], 812, "sshd", 6, "0.0.0.0", 22)} in broker-bin-v1, read by
     * hand: envelope {@code [1, 1, [name, args]]}, the name (string, 35 bytes), six arguments: the Result vector
     * (string, enum value 0x0b, string), then integer (tag 03, 8 bytes big-endian), string, integer, string, integer.
     */
    static final String LISTENING_PORT_HEX = "0e03" + "020000000000000001" + "020000000000000001" + "0e02"
            + "0523" + "4167656e744c697374656e696e67506f7274733a3a6c697374656e696e675f706f7274"
            + "0e06"
            + "0e03" + "0506686f73742d31" + "0b0e5a65656b4167656e743a3a414444" + "05026331"
            + "03000000000000032c"
            + "050473736864"
            + "030000000000000006"
            + "0507302e302e302e30"
            + "030000000000000016";

    static AgentRow row(RowUpdate update, BrokerValue... values) {
        return new AgentRow("host-1", "zeromq", update, "zeek-x", List.of(values), Instant.EPOCH);
    }

    @Test
    void sendsTheResultAndEachColumnAsDeclaredByteForByte() {
        ZeekEvent event = ROUTE.toEvent(row(
                RowUpdate.ADD,
                BrokerValue.count(812),
                BrokerValue.string("sshd"),
                BrokerValue.integer(6),
                BrokerValue.string("0.0.0.0"),
                BrokerValue.string("22")));

        assertThat(event.name()).isEqualTo(LISTENING_PORTS);
        assertThat(event.args().get(0))
                .isEqualTo(BrokerValue.vector(
                        BrokerValue.string("host-1"),
                        BrokerValue.enumValue("ZeekAgent::ADD"),
                        BrokerValue.string("c1")));
        assertThat(event.args().subList(1, 6))
                .containsExactly(
                        BrokerValue.integer(812),
                        BrokerValue.string("sshd"),
                        BrokerValue.integer(6),
                        BrokerValue.string("0.0.0.0"),
                        BrokerValue.integer(22));
        assertThat(HexFormat.of().formatHex(EventCodec.BIN_V1.encode(event))).isEqualTo(LISTENING_PORT_HEX);
    }

    @Test
    void marksRemovedRowsAndSnapshots() {
        BrokerValue[] values = {
            BrokerValue.integer(1),
            BrokerValue.string("a"),
            BrokerValue.integer(17),
            BrokerValue.string("::"),
            BrokerValue.integer(53)
        };
        assertThat(ROUTE.toEvent(row(RowUpdate.REMOVE, values))
                        .args()
                        .get(0)
                        .asVector()
                        .get(1))
                .isEqualTo(BrokerValue.enumValue("ZeekAgent::REMOVE"));
        assertThat(ROUTE.toEvent(row(RowUpdate.SNAPSHOT, values))
                        .args()
                        .get(0)
                        .asVector()
                        .get(1))
                .isEqualTo(BrokerValue.enumValue("ZeekAgent::SNAPSHOT"));
    }

    @Test
    void refusesARowWithTheWrongNumberOfColumnsOrAnUnconvertibleValue() {
        assertThatThrownBy(() -> ROUTE.toEvent(row(RowUpdate.ADD, BrokerValue.integer(1))))
                .isInstanceOf(BrokerFormatException.class)
                .hasMessageContaining("declares 5 columns");
        assertThatThrownBy(() -> ROUTE.toEvent(row(
                        RowUpdate.ADD,
                        BrokerValue.string("not a pid"),
                        BrokerValue.string("a"),
                        BrokerValue.integer(6),
                        BrokerValue.string("x"),
                        BrokerValue.integer(1))))
                .isInstanceOf(BrokerFormatException.class)
                .hasMessageContaining("column 1");
    }
}
