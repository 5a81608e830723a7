package io.zeekagent.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link EventCodec} and {@link ZeekEvent} against Zeek's serializer, WebSocket and ZeroMQ vectors. */
class ZeekSerializerVectorTests {

    private static final ZeekEvent NODE_STATUS = new ZeekEvent(
            "Supervisor::node_status", List.of(BrokerValue.string("TEST"), BrokerValue.count(42)), Instant.EPOCH);

    private static final ZeekEvent HELLO =
            ZeekEvent.of("Cluster::hello", BrokerValue.string("java-1"), BrokerValue.string("java_node_1"));

    @Test
    void readsAndWritesZeeksEightySixByteGoldenVector() {
        List<String> lines = Vectors.lines("zeek-broker-serializer-roundtrip.txt");
        int at = lines.indexOf("# one line:");
        byte[] golden = Vectors.hex(lines.get(at + 1) + lines.get(at + 2) + lines.get(at + 3));

        assertThat(golden).hasSize(86);
        assertThat(EventCodec.BIN_V1.decode(golden)).isEqualTo(NODE_STATUS);
        assertThat(EventCodec.BIN_V1.encode(NODE_STATUS)).isEqualTo(golden);
    }

    @Test
    void readsAndWritesTheGoldenVectorsJsonTwin() {
        String json = Vectors.dataLines("zeek-broker-serializer-roundtrip.txt").stream()
                .filter(l -> l.startsWith("{"))
                .findFirst()
                .orElseThrow();

        assertThat(EventCodec.JSON_V1.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(NODE_STATUS);
        assertThat(new String(EventCodec.JSON_V1.encode(NODE_STATUS), StandardCharsets.UTF_8))
                .isEqualTo(json);
    }

    static Stream<String> webSocketDataMessages() {
        return Vectors.dataLines("zeek-websocket-messages.txt").stream()
                .filter(l -> l.startsWith("{\"type\":\"data-message\""));
    }

    @ParameterizedTest
    @MethodSource("webSocketDataMessages")
    void readsZeeksWebSocketDataMessagesAndWritesThemBack(String json) {
        DataMessage message = JsonV1.decodeDataMessage(json);

        // Zeek re-renders a timestamp sent without a fraction with ".000"; so does this encoder.
        String expected = json.replace("\"1970-01-01T01:42:42\"", "\"1970-01-01T01:42:42.000\"");
        assertThat(JsonV1.encodeDataMessage(message.topic(), message.value())).isEqualTo(expected);
        if (message.value() instanceof VectorValue) {
            ZeekEvent event = ZeekEvent.fromBroker(message.value());
            assertThat(event.name()).isIn("ping", "pong", "hello");
        }
    }

    @Test
    void readsTheMetadataTimestampSentWithoutFraction() {
        DataMessage message = webSocketDataMessages()
                .filter(l -> l.contains("01:42:42\""))
                .map(JsonV1::decodeDataMessage)
                .findFirst()
                .orElseThrow();

        assertThat(ZeekEvent.fromBroker(message.value()).networkTimestamp())
                .isEqualTo(Instant.parse("1970-01-01T01:42:42Z"));
    }

    @Test
    void rejectsWebSocketMessagesThatAreNotDataMessages() {
        List<String> others = Vectors.dataLines("zeek-websocket-messages.txt").stream()
                .filter(l -> l.startsWith("{") && !l.startsWith("{\"type\":\"data-message\""))
                .toList();

        assertThat(others).hasSize(8);
        for (String json : others) {
            assertThatExceptionOfType(BrokerFormatException.class)
                    .isThrownBy(() -> JsonV1.decodeDataMessage(json))
                    .withMessageContaining("data-message");
        }
    }

    @Test
    void readsTheZeroMqFrameExampleWithBothSerializers() {
        List<String> lines = Vectors.lines("zeek-zeromq-frames-example.txt");
        int frame3 = lines.indexOf("frame 3 (61 bytes, MORE=no): ");
        byte[] bin = Vectors.hex(lines.get(frame3 + 1));
        String json = lines.stream().filter(l -> l.startsWith("{")).findFirst().orElseThrow();

        assertThat(EventCodec.forName("broker-bin-v1").decode(bin)).isEqualTo(HELLO);
        assertThat(EventCodec.forName("broker-bin-v1").encode(HELLO)).isEqualTo(bin);
        assertThat(EventCodec.forName("broker-json-v1").decode(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(HELLO);
        assertThat(EventCodec.forName("broker-json-v1").encode(HELLO)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }
}
