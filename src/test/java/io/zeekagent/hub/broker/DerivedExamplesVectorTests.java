package io.zeekagent.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link BinV1} and {@link JsonV1} against the derived bin/JSON example pairs. */
class DerivedExamplesVectorTests {

    private static final String FILE = "derived-bin-json-examples.txt";

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        String label = null;
        String bin = null;
        for (String line : Vectors.lines(FILE)) {
            if (line.startsWith("## ")) {
                label = line.substring(3);
                bin = null;
            } else if (line.startsWith("bin : ") && !line.contains("...")) {
                bin = line.substring(6);
            } else if (line.startsWith("json: ") && bin != null) {
                pairs.add(Arguments.of(label, bin, line.substring(6)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void binAndJsonFormsDescribeTheSameValue(String label, String hex, String json) {
        byte[] bytes = Vectors.hex(hex);
        BrokerValue value = BinV1.decode(bytes);
        assertThat(Vectors.hex(BinV1.encode(value))).isEqualTo(Vectors.hex(bytes));
        assertThat(JsonV1.encode(value)).isEqualTo(json);
        assertThat(JsonV1.decode(json)).isEqualTo(value);
    }

    @Test
    void hasAllThirtyFivePairs() {
        assertThat(pairs()).hasSizeGreaterThanOrEqualTo(35);
    }

    @Test
    void writesVarbyteLengthsAsListed() {
        Pattern row = Pattern.compile("^\\s+(\\d+) -> ([0-9a-f ]+)$");
        int checked = 0;
        for (String line : Vectors.lines(FILE)) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                int length = Integer.parseInt(m.group(1));
                byte[] encoded = BinV1.encode(BrokerValue.string("a".repeat(length)));
                byte[] header = Vectors.hex("05 " + m.group(2));
                assertThat(Vectors.hex(encoded)).startsWith(Vectors.hex(header));
                assertThat(encoded).hasSize(header.length + length);
                assertThat(BinV1.decode(encoded).asString()).hasSize(length);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(8);
    }

    @Test
    void writesRealSpecialValuesAsCafDoes() {
        Pattern row = Pattern.compile("^\\s+(\\S+)\\s+-> ([0-9a-f ]+)$");
        int checked = 0;
        for (String line : Vectors.lines(FILE)) {
            Matcher m = row.matcher(line);
            if (m.matches() && !m.group(1).matches("\\d+")) {
                double value = switch (m.group(1)) {
                    case "+inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    case "NaN" -> Double.NaN;
                    case "-0.0" -> -0.0;
                    default -> throw new AssertionError("unexpected row " + line);
                };
                byte[] bytes = Vectors.hex(m.group(2));
                assertThat(Vectors.hex(BinV1.encode(BrokerValue.real(value)))).isEqualTo(Vectors.hex(bytes));
                assertThat(BinV1.decode(bytes)).isEqualTo(BrokerValue.real(value));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void readsAndWritesTheWebSocketDataMessage() {
        List<String> lines = Vectors.lines(FILE);
        int at = lines.indexOf("websocket data-message on topic zeek.test:");
        String json = lines.get(at + 1);
        DataMessage message = JsonV1.decodeDataMessage(json);
        assertThat(message.topic()).isEqualTo("zeek.test");
        assertThat(ZeekEvent.fromBroker(message.value()))
                .isEqualTo(ZeekEvent.of("ping", BrokerValue.string("hi"), BrokerValue.count(3)));
        assertThat(JsonV1.encodeDataMessage(message.topic(), message.value())).isEqualTo(json);
    }
}
