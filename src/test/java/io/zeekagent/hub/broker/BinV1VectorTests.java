package io.zeekagent.hub.broker;

import static io.zeekagent.hub.broker.BrokerValue.bool;
import static io.zeekagent.hub.broker.BrokerValue.count;
import static io.zeekagent.hub.broker.BrokerValue.integer;
import static io.zeekagent.hub.broker.BrokerValue.none;
import static io.zeekagent.hub.broker.BrokerValue.set;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static io.zeekagent.hub.broker.BrokerValue.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link BinV1} against zeek/broker's builder and variant test vectors. */
class BinV1VectorTests {

    /** The value each builder line describes, keyed by the line's description. */
    private static final Map<String, BrokerValue> BUILDER = Map.ofEntries(
            Map.entry("empty set", set()),
            Map.entry("set {none}", set(none())),
            Map.entry("set {count 1}", set(count(1))),
            Map.entry("set {integer 1}", set(integer(1))),
            Map.entry("set {\"hello\",\"broker\"}", set(string("hello"), string("broker"))),
            Map.entry("empty table", BrokerValue.table(Map.of())),
            Map.entry("table {\"k1\": none}", BrokerValue.table(Map.of(string("k1"), none()))),
            Map.entry(
                    "table {\"k1\":\"v1\",\"k2\":\"v2\"}",
                    BrokerValue.table(Map.of(string("k1"), string("v1"), string("k2"), string("v2")))),
            Map.entry("empty vector", vector()),
            Map.entry("vector [none]", vector(none())),
            Map.entry("vector [\"hello\",\"broker\"]", vector(string("hello"), string("broker"))));

    /** The value each successful variant parse line expects, keyed by the expectation text. */
    private static final Map<String, BrokerValue> VARIANT = Map.ofEntries(
            Map.entry("none, parse OK", none()),
            Map.entry("boolean true", bool(true)),
            Map.entry("boolean false", bool(false)),
            Map.entry("count 0x0102030405060708 (big-endian)", count(0x0102030405060708L)),
            Map.entry("integer 0x0102030405060708", integer(0x0102030405060708L)),
            Map.entry("real 2.5", BrokerValue.real(2.5)),
            Map.entry("string \"abc\"", string("abc")),
            Map.entry("enum_value \"abc\"", BrokerValue.enumValue("abc")),
            Map.entry("address 127.0.0.1", BrokerValue.address("127.0.0.1")),
            Map.entry(
                    "vector [true, \"abc\", [integer 1, integer 2]]",
                    vector(bool(true), string("abc"), vector(integer(1), integer(2)))),
            Map.entry("set {integer 1, integer 2, \"abc\"}", set(integer(1), integer(2), string("abc"))),
            Map.entry(
                    "table {\"key1\":1,\"key2\":2,\"key3\":3} (values integer)",
                    BrokerValue.table(Map.of(
                            string("key1"), integer(1), string("key2"), integer(2), string("key3"), integer(3)))));

    static Stream<Arguments> builderLines() {
        return Vectors.dataLines("broker-bin-v1-builder-test.txt").stream().map(line -> {
            String[] parts = line.split("\\|");
            return Arguments.of(parts[0].strip(), parts[1].strip());
        });
    }

    static Stream<Arguments> variantLines() {
        return Vectors.dataLines("broker-bin-v1-variant-test-parse.txt").stream()
                .map(line -> {
                    int bar = line.lastIndexOf('|');
                    String input = line.substring(0, bar).strip();
                    if (input.contains("(")) {
                        // "06 + 16 bytes of 127.0.0.1 (00*10 FF FF 7F 00 00 01)": tag, then the bytes in parentheses
                        input = input.substring(0, 2) + " "
                                + input.substring(input.indexOf('(') + 1, input.indexOf(')'));
                    }
                    return Arguments.of(input, line.substring(bar + 1).strip());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builderLines")
    void encodesAndDecodesBuilderVectors(String description, String hex) {
        BrokerValue expected = BUILDER.get(description);
        assertThat(expected).as("known description").isNotNull();
        byte[] bytes = Vectors.hex(hex);
        assertThat(BinV1.decode(bytes)).isEqualTo(expected);
        assertThat(Vectors.hex(BinV1.encode(expected))).isEqualTo(Vectors.hex(canonical(description, bytes)));
    }

    /**
     * Broker's builder writes set elements in insertion order ("hello" before "broker"); a decoded
     * {@code std::set} and this encoder write them sorted, which is what Zeek itself emits.
     */
    private static byte[] canonical(String description, byte[] bytes) {
        return description.equals("set {\"hello\",\"broker\"}")
                ? Vectors.hex("0C02 0506 62726F6B6572 0505 68656C6C6F")
                : bytes;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("variantLines")
    void parsesVariantVectorsOrRejectsThem(String hex, String expectation) {
        byte[] bytes = Vectors.hex(hex);
        if (expectation.startsWith("fails") || expectation.startsWith("error")) {
            assertThatExceptionOfType(BrokerFormatException.class).isThrownBy(() -> BinV1.decode(bytes));
            return;
        }
        BrokerValue expected = VARIANT.get(expectation);
        assertThat(expected).as("known expectation").isNotNull();
        assertThat(BinV1.decode(bytes)).isEqualTo(expected);
    }

    @Test
    void coversEveryVectorLine() {
        assertThat(builderLines()).hasSize(BUILDER.size());
        assertThat(variantLines().filter(a -> !((String) a.get()[1]).matches("^(fails|error).*")))
                .hasSize(VARIANT.size());
    }
}
