package io.zeekagent.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests for {@link EventCodec}. */
class EventCodecTests {

    @Test
    void findsCodecsByTheirZeroMqSerializerName() {
        assertThat(EventCodec.forName("broker-bin-v1")).isSameAs(EventCodec.BIN_V1);
        assertThat(EventCodec.forName("broker-json-v1")).isSameAs(EventCodec.JSON_V1);
    }

    @Test
    void rejectsUnknownSerializerNames() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> EventCodec.forName("zeek-bin-serializer"))
                .withMessageContaining("zeek-bin-serializer");
    }

    @Test
    void jsonCodecWritesTheBareValueWithoutTypeOrTopic() {
        byte[] payload = EventCodec.JSON_V1.encode(ZeekEvent.of("ping"));

        assertThat(new String(payload, StandardCharsets.UTF_8)).startsWith("{\"@data-type\":\"vector\"");
    }

    @Test
    void decodeRaisesOnlyBrokerFormatExceptionForGarbage() {
        assertThatExceptionOfType(BrokerFormatException.class).isThrownBy(() -> EventCodec.BIN_V1.decode(new byte[0]));
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> EventCodec.JSON_V1.decode(new byte[] {(byte) 0xC3, 0x28}));
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> EventCodec.BIN_V1.decode(BinV1.encode(BrokerValue.string("not an event"))));
    }
}
