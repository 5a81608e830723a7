package io.zeekagent.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link AddressValue} and {@link SubnetValue}. */
class AddressValueTests {

    @ParameterizedTest
    @CsvSource({
        "192.168.9.8, 192.168.9.8",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "::ffff:10.1.2.3, 10.1.2.3",
        "2001:DB8::1, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "::1.2.3.4, ::1.2.3.4",
        "fe80::1:2, fe80::1:2"
    })
    void parsesAndFormatsLikeInetNtop(String literal, String text) {
        assertThat(AddressValue.parse(literal)).hasToString(text);
        assertThat(AddressValue.parse(text)).isEqualTo(AddressValue.parse(literal));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "01.1.1.1",
                "1::2::3",
                ":1",
                "1:",
                "1:2:3:4:5:6:7:8:9",
                "12345::",
                "g::",
                "example.com",
                "1.2.3.4:80",
                "::1.2.3",
                "1:2:3:4:5:6:7:1.2.3.4"
            })
    void rejectsTextThatIsNotALiteral(String text) {
        assertThatExceptionOfType(BrokerFormatException.class).isThrownBy(() -> AddressValue.parse(text));
    }

    @Test
    void storesIpv4AsMappedIpv6() throws Exception {
        AddressValue address = AddressValue.of(InetAddress.getByName("127.0.0.1"));

        assertThat(Vectors.hex(address.toBytes())).isEqualTo("00000000000000000000ffff7f000001");
        assertThat(address.isV4()).isTrue();
        assertThat(address.toInetAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void storesIpv4SubnetPrefixPlusNinetySixAndMasksHostBits() {
        SubnetValue subnet = SubnetValue.parse("192.168.9.77/24");

        assertThat(subnet.rawLength()).isEqualTo(120);
        assertThat(subnet.length()).isEqualTo(24);
        assertThat(subnet).hasToString("192.168.9.0/24");
        assertThat(SubnetValue.parse("2001:db8::ff/32")).hasToString("2001:db8::/32");
        assertThat(SubnetValue.parse("0.0.0.0/0").rawLength()).isEqualTo(96);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/-1"})
    void rejectsBadSubnets(String text) {
        assertThatExceptionOfType(BrokerFormatException.class).isThrownBy(() -> SubnetValue.parse(text));
    }
}
