package io.zeekagent.hub.broker;

import static io.zeekagent.hub.broker.BrokerValue.count;
import static io.zeekagent.hub.broker.BrokerValue.integer;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link BinV1}: the quirks of §2.3 beyond the upstream vectors. */
class BinV1Tests {

    @Test
    void writesIeeeInfinityTheWayCafSwapsIt() {
        // An IEEE +inf from another encoder decodes as -inf, exactly as in Zeek.
        assertThat(BinV1.decode(Vectors.hex("04 7ff0000000000000")).asReal()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(BinV1.decode(Vectors.hex("04 7ff8000000000000")).asReal()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void writesSubnormalsThroughCafsLossyPath() {
        assertThat(Vectors.hex(BinV1.encode(BrokerValue.real(Double.MIN_VALUE))))
                .isEqualTo("04fcd0000000000000");
    }

    @Test
    void writesNormalRealsAsTheirIeeeBits() {
        double value = 1234.5678e-200;

        assertThat(BinV1.readLong(BinV1.encode(BrokerValue.real(value)), 1))
                .isEqualTo(Double.doubleToRawLongBits(value));
    }

    @Test
    void readsAnyNonZeroBooleanByteAsTrue() {
        assertThat(BinV1.decode(Vectors.hex("01 7f")).asBoolean()).isTrue();
    }

    @Test
    void readsCountsAsUnsigned() {
        BrokerValue max = BinV1.decode(Vectors.hex("02 ffffffffffffffff"));

        assertThat(max).hasToString("18446744073709551615");
        assertThat(JsonV1.encode(max)).isEqualTo("{\"@data-type\":\"count\",\"data\":18446744073709551615}");
    }

    @Test
    void writesSetsAndTablesSortedByTypeThenValue() {
        BrokerValue set = BrokerValue.set(string("b"), count(7), string("a"), integer(-1), count(-1));
        BrokerValue table = BrokerValue.table(Map.of(string("zz"), count(1), string("a"), count(2)));

        assertThat(Vectors.hex(BinV1.encode(set)))
                .isEqualTo("0c05" + "02" + "0000000000000007" + "02" + "ffffffffffffffff" + "03" + "ffffffffffffffff"
                        + "0501" + "61" + "0501" + "62");
        assertThat(Vectors.hex(BinV1.encode(table)))
                .isEqualTo("0d02" + "050161" + "020000000000000002" + "05027a7a" + "020000000000000001");
    }

    @Test
    void sortsStringsByUtf8BytesNotUtf16Units() {
        String bmp = "\uFFFD";
        String astral = "\uD83D\uDE00";

        BrokerValue set = BrokerValue.set(string(astral), string(bmp));

        assertThat(set.asSet()).containsExactly(string(bmp), string(astral));
    }

    @Test
    void acceptsSetsInAnyOrderButRejectsDuplicates() {
        assertThat(BinV1.decode(Vectors.hex("0c02 0501 62 0501 61")))
                .isEqualTo(BrokerValue.set(string("a"), string("b")));
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(Vectors.hex("0c02 0501 61 0501 61")))
                .withMessage("duplicate set element at offset 5");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(Vectors.hex("0d02 0501 61 00 0501 61 00")))
                .withMessage("duplicate table key at offset 6");
    }

    @Test
    void writesStringsAsUtf8AndReadsInvalidUtf8AsReplacementCharacters() {
        assertThat(Vectors.hex(BinV1.encode(string("é")))).isEqualTo("0502c3a9");
        assertThat(BinV1.decode(Vectors.hex("0501ff")).asString()).isEqualTo("\uFFFD");
    }

    @Test
    void rejectsSubnetPrefixBytesOutsideTheFamily() {
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(Vectors.hex("07 00000000000000000000ffff0a000000 08")))
                .withMessageContaining("subnet prefix length byte 8 out of range");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> BinV1.decode(Vectors.hex("07 20010db8000000000000000000000000 81")));
    }

    @Test
    void writesPortNumberBigEndianThenProtocol() {
        assertThat(Vectors.hex(BinV1.encode(BrokerValue.port(65535, PortProtocol.UNKNOWN))))
                .isEqualTo("08ffff00");
    }
}
