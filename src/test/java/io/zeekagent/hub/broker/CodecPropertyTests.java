package io.zeekagent.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/** Tests for {@link BinV1}, {@link JsonV1} and {@link EventCodec}: round trips of random nested values. */
class CodecPropertyTests {

    @Provide
    Arbitrary<BrokerValue> binValues() {
        return BrokerValueArbitraries.binValues(4);
    }

    @Provide
    Arbitrary<BrokerValue> jsonValues() {
        return BrokerValueArbitraries.jsonValues(4);
    }

    @Provide
    Arbitrary<@Nullable Instant> stamps() {
        return Arbitraries.longs()
                .between(-4_000_000_000_000L, 4_000_000_000_000L)
                .map(Instant::ofEpochMilli)
                .injectNull(0.3);
    }

    @Property
    void binV1RoundTripsEveryValueByteForByte(@ForAll("binValues") BrokerValue value) {
        byte[] bytes = BinV1.encode(value);

        BrokerValue decoded = BinV1.decode(bytes);

        assertThat(decoded).isEqualTo(value);
        assertThat(BinV1.encode(decoded)).isEqualTo(bytes);
    }

    @Property
    void jsonV1RoundTripsEveryValueCharForChar(@ForAll("jsonValues") BrokerValue value) {
        String json = JsonV1.encode(value);

        BrokerValue decoded = JsonV1.decode(json);

        assertThat(decoded).isEqualTo(value);
        assertThat(JsonV1.encode(decoded)).isEqualTo(json);
    }

    @Property
    void binAndJsonAgreeOnEveryJsonSafeValue(@ForAll("jsonValues") BrokerValue value) {
        assertThat(BinV1.decode(BinV1.encode(JsonV1.decode(JsonV1.encode(value)))))
                .isEqualTo(value);
    }

    @Property(tries = 300)
    void dataMessagesRoundTrip(@ForAll("jsonValues") BrokerValue value, @ForAll("topics") String topic) {
        assertThat(JsonV1.decodeDataMessage(JsonV1.encodeDataMessage(topic, value)))
                .isEqualTo(new DataMessage(topic, value));
    }

    @Provide
    Arbitrary<String> topics() {
        return BrokerValueArbitraries.text();
    }

    @Property(tries = 300)
    void eventsRoundTripThroughBothSerializers(
            @ForAll("topics") String name,
            @ForAll("jsonArgs") List<BrokerValue> args,
            @ForAll("stamps") @Nullable Instant stamp) {
        ZeekEvent event = new ZeekEvent(name, args, stamp);

        assertThat(EventCodec.BIN_V1.encode(event)).isEqualTo(BinV1.encode(event.toBroker()));
        for (EventCodec codec : List.of(EventCodec.BIN_V1, EventCodec.JSON_V1)) {
            assertThat(codec.decode(codec.encode(event)))
                    .as(codec.serializerName())
                    .isEqualTo(event);
        }
    }

    @Provide
    Arbitrary<List<BrokerValue>> jsonArgs() {
        return BrokerValueArbitraries.jsonValues(2).list().ofMaxSize(6);
    }
}
