package io.zeekagent.hub.broker;

import static io.zeekagent.hub.broker.BrokerValue.count;
import static io.zeekagent.hub.broker.BrokerValue.integer;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link JsonV1} against zeek/broker's JSON encoder test vectors. */
class JsonV1VectorTests {

    /** The value each line describes, keyed by the line's description. */
    private static final Map<String, BrokerValue> VALUES = Map.ofEntries(
            Map.entry("none", BrokerValue.none()),
            Map.entry("true", BrokerValue.bool(true)),
            Map.entry("false", BrokerValue.bool(false)),
            Map.entry("count 0", count(0)),
            Map.entry("count 10", count(10)),
            Map.entry("count 100", count(100)),
            Map.entry("integer 0", integer(0)),
            Map.entry("integer -10", integer(-10)),
            Map.entry("real 0.0", BrokerValue.real(0.0)),
            Map.entry("real -10.0", BrokerValue.real(-10.0)),
            Map.entry("string \"foo\"", string("foo")),
            Map.entry("string \"foo\\n\\\"bar\"", string("foo\n\"bar")),
            Map.entry("address 192.128.4.4", BrokerValue.address("192.128.4.4")),
            Map.entry("address 2001:db8::", BrokerValue.address("2001:db8::")),
            Map.entry("subnet 192.128.4.0/24", BrokerValue.subnet("192.128.4.0/24")),
            Map.entry("port 8080/tcp", BrokerValue.port(8080, PortProtocol.TCP)),
            Map.entry("port 9000/udp", BrokerValue.port(9000, PortProtocol.UDP)),
            Map.entry("timespan 0", BrokerValue.timespan(Duration.ZERO)),
            Map.entry("timespan 1ns", BrokerValue.timespan(Duration.ofNanos(1))),
            Map.entry("timespan 999ns", BrokerValue.timespan(Duration.ofNanos(999))),
            Map.entry("timespan 1000ns", BrokerValue.timespan(Duration.ofNanos(1000))),
            Map.entry("timespan 999us", BrokerValue.timespan(Duration.ofNanos(999_000))),
            Map.entry("timespan 1000us", BrokerValue.timespan(Duration.ofMillis(1))),
            Map.entry("timespan 999ms", BrokerValue.timespan(Duration.ofMillis(999))),
            Map.entry("timespan 1000ms", BrokerValue.timespan(Duration.ofSeconds(1))),
            Map.entry("timestamp 1404901004 s", BrokerValue.timestamp(Instant.ofEpochSecond(1404901004))),
            Map.entry("enum_value \"foo\"", BrokerValue.enumValue("foo")),
            Map.entry("enum_value \"foo\\n\\\"bar\"", BrokerValue.enumValue("foo\n\"bar")),
            Map.entry("vector [int 1, count 2, \"three\"]", BrokerValue.vector(integer(1), count(2), string("three"))),
            Map.entry("set {int 1, int 2, int 3}", BrokerValue.set(integer(3), integer(1), integer(2))),
            Map.entry(
                    "table {\"a-key\": int 1, \"b-key\": count 42}",
                    BrokerValue.table(Map.of(string("a-key"), integer(1), string("b-key"), count(42)))),
            Map.entry("none ", BrokerValue.none()),
            Map.entry("true ", BrokerValue.bool(true)),
            Map.entry("count 42", count(42)),
            Map.entry("int 42", integer(42)),
            Map.entry("\"string!\"", string("string!")),
            Map.entry("addr 192.128.4.4", BrokerValue.address("192.128.4.4")));

    static Stream<Arguments> lines() {
        return Vectors.dataLines("broker-json-v1-test.txt").stream().map(line -> {
            int bar = line.indexOf(" | ") >= 0 ? line.indexOf(" | ") : line.indexOf("| {");
            String description = line.substring(0, bar).strip();
            String json = line.substring(line.indexOf('{', bar), line.lastIndexOf('}') + 1);
            return Arguments.of(description, json);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void encodesAndDecodesJsonVectors(String description, String json) {
        if (description.startsWith("data_message(")) {
            String topic = description.substring("data_message(\"".length(), description.indexOf("\","));
            String valueText = description.substring(description.indexOf(", ") + 2, description.length() - 1);
            BrokerValue value = VALUES.get(valueText + (VALUES.containsKey(valueText + " ") ? " " : ""));
            assertThat(value).as("known value %s", valueText).isNotNull();
            assertThat(JsonV1.encodeDataMessage(topic, value)).isEqualTo(json);
            assertThat(JsonV1.decodeDataMessage(json)).isEqualTo(new DataMessage(topic, value));
            return;
        }
        BrokerValue value = VALUES.get(description);
        assertThat(value).as("known description").isNotNull();
        assertThat(JsonV1.encode(value)).isEqualTo(json);
        assertThat(JsonV1.decode(json)).isEqualTo(value);
    }

    @Test
    void coversAllVectorLines() {
        assertThat(lines()).hasSize(37);
    }
}
