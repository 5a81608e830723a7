package io.zeekagent.hub.broker;

import static io.zeekagent.hub.broker.BrokerValue.count;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static io.zeekagent.hub.broker.BrokerValue.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ZeekEvent}. */
class ZeekEventTests {

    private static final Instant STAMP = Instant.parse("2023-11-14T22:13:20.250Z");

    @Test
    void writesNoMetadataWithoutANetworkTimestamp() {
        BrokerValue broker = ZeekEvent.of("ping", string("hi")).toBroker();

        assertThat(broker).isEqualTo(vector(count(1), count(1), vector(string("ping"), vector(string("hi")))));
    }

    @Test
    void writesTheNetworkTimestampAsMetadataIdOne() {
        BrokerValue broker = new ZeekEvent("ping", List.of(), STAMP).toBroker();

        assertThat(broker.asVector().get(2).asVector().get(2))
                .isEqualTo(vector(vector(count(1), BrokerValue.timestamp(STAMP))));
    }

    @Test
    void readsAllThreeMetadataShapes() {
        BrokerValue absent = vector(count(1), count(1), vector(string("e"), vector()));
        BrokerValue empty = vector(count(1), count(1), vector(string("e"), vector(), vector()));
        BrokerValue stamped = vector(
                count(1),
                count(1),
                vector(string("e"), vector(), vector(vector(count(1), BrokerValue.timestamp(STAMP)))));

        assertThat(ZeekEvent.fromBroker(absent)).isEqualTo(new ZeekEvent("e", List.of(), null));
        assertThat(ZeekEvent.fromBroker(empty)).isEqualTo(new ZeekEvent("e", List.of(), null));
        assertThat(ZeekEvent.fromBroker(stamped)).isEqualTo(new ZeekEvent("e", List.of(), STAMP));
    }

    @Test
    void ignoresUnknownMetadataIds() {
        BrokerValue event =
                vector(count(1), count(1), vector(string("e"), vector(), vector(vector(count(200), string("user")))));

        assertThat(ZeekEvent.fromBroker(event).networkTimestamp()).isNull();
    }

    @Test
    void rejectsDataThatIsNotAnEvent() {
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> ZeekEvent.fromBroker(count(1)))
                .withMessage("event message must be a vector, got COUNT");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> ZeekEvent.fromBroker(vector(count(1), count(3), vector())))
                .withMessage("not an event (version 1, type 3)");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> ZeekEvent.fromBroker(vector(count(1), count(1), vector(count(5), vector()))))
                .withMessageContaining("event name must be a string");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> ZeekEvent.fromBroker(vector(
                        count(1), count(1), vector(string("e"), vector(), vector(vector(count(1), count(0)))))))
                .withMessage("network timestamp metadata must be a timestamp");
    }

    @Test
    void keepsItsArgumentsUnmodifiable() {
        ZeekEvent event = ZeekEvent.of("e", string("a"));

        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> event.args().add(string("b")));
    }
}
