package io.zeekagent.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Tests for the limits of {@link BinV1} and {@link JsonV1} decoding: depth, lengths, offsets. */
class HostileInputTests {

    @Test
    void rejectsBinNestingDeeperThanTheLimitWithoutRecursingIntoIt() {
        byte[] deep = new byte[200_001];
        for (int i = 0; i < 200_000; i += 2) {
            deep[i] = 0x0E;
            deep[i + 1] = 0x01;
        }

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(deep))
                .withMessageContaining("nested deeper than 64")
                .satisfies(e -> assertThat(e.offset()).isEqualTo(128));
    }

    @Test
    void acceptsBinNestingExactlyAtTheLimit() {
        byte[] deep = new byte[129];
        for (int i = 0; i < 128; i += 2) {
            deep[i] = 0x0E;
            deep[i + 1] = 0x01;
        }

        BrokerValue value = BinV1.decode(deep);

        int depth = 0;
        while (value instanceof VectorValue v) {
            value = v.elements().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(64);
    }

    @Test
    void rejectsStringLengthBeyondTheInputBeforeAllocating() {
        byte[] input = {0x05, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0x61};

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(input))
                .withMessageContaining("size 4294967295 exceeds the 1 byte(s) left")
                .satisfies(e -> assertThat(e.offset()).isEqualTo(1));
    }

    @Test
    void rejectsContainerSizeBeyondTheInputBeforeAllocating() {
        byte[] vector = {0x0E, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F, 0x00};
        byte[] table = {0x0D, 0x02, 0x00, 0x00};

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(vector))
                .withMessageContaining("vector size 268435455 exceeds");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(table))
                .withMessageContaining("table size 2 exceeds the 2 byte(s) left");
    }

    @Test
    void rejectsVarbyteLongerThanFiveBytes() {
        byte[] input = {0x05, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(input))
                .withMessageContaining("longer than 5 bytes");
    }

    @Test
    void reportsTheOffsetOfTruncatedInput() {
        byte[] input = Vectors.hex("0e 02 05 03 61 62 63 02 00 00");

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(input))
                .withMessage("truncated count: need 8 byte(s), 2 left at offset 8");
    }

    @Test
    void reportsOffsetsRelativeToTheDecodedRange() {
        byte[] input = Vectors.hex("ff ff 02 00");

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(input, 2, 2))
                .satisfies(e -> assertThat(e.offset()).isEqualTo(1));
        assertThat(BinV1.decode(Vectors.hex("ff 00 ff"), 1, 1)).isEqualTo(BrokerValue.none());
    }

    @Test
    void rejectsUnknownTagsAndPortProtocols() {
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(new byte[] {0x0F}))
                .withMessage("unknown type tag 0xf at offset 0");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(Vectors.hex("08 1f 90 04")))
                .withMessage("unknown port protocol 4 at offset 3");
    }

    @Test
    void rejectsJsonNestingDeeperThanTheLimit() {
        String deep = "{\"@data-type\":\"vector\",\"data\":[".repeat(100) + "]}".repeat(100);
        String brackets = "[".repeat(100_000);

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decode(deep))
                .withMessageContaining("nested deeper than 64");
        assertThatExceptionOfType(BrokerFormatException.class).isThrownBy(() -> JsonV1.decode(brackets));
    }

    @Test
    void rejectsDeeplyNestedJsonInSkippedMembers() {
        String json = "{\"extra\":" + "[".repeat(100_000) + ",\"@data-type\":\"none\",\"data\":{}}";

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decode(json))
                .withMessageContaining("JSON nested deeper than");
    }

    @Test
    void acceptsJsonDataBeforeTypeAtEveryLevel() {
        String json = "{\"data\":[".repeat(64) + "]}".repeat(64);
        String typed = json.replace("{\"data\":[", "{\"data\":[").replace("]}", "],\"@data-type\":\"vector\"}");

        BrokerValue value = JsonV1.decode(typed);

        assertThat(BinV1.decode(BinV1.encode(value))).isEqualTo(value);
    }

    @Test
    void reportsJsonErrorOffsets() {
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decode("{\"@data-type\":\"count\",\"data\":-1}"))
                .withMessage("count must be a non-negative integer at offset 29");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decode("{\"@data-type\":\"address\",\"data\":\"1.2.3\"}"))
                .withMessage("not an IP address literal: '1.2.3' at offset 31");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decode("{\"@data-type\":\"none\",\"data\":{}} x"))
                .withMessage("trailing characters after the JSON value at offset 32");
    }

    @Test
    void rejectsHugeLengthsInAllContainerTypes() {
        for (int tag = 0x0C; tag <= 0x0E; tag++) {
            byte[] input =
                    Arrays.copyOf(new byte[] {(byte) tag, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}, 6);
            assertThatExceptionOfType(BrokerFormatException.class).isThrownBy(() -> BinV1.decode(input));
        }
    }
}
