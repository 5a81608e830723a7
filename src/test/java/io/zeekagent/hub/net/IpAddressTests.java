package io.zeekagent.hub.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link IpAddress}. */
class IpAddressTests {

    private final IpAddress a = new IpAddress();
    private final IpAddress b = new IpAddress();

    @Test
    void treatsIpv4MappedIpv6AsTheIpv4Address() {
        assertThat(a.parse("::ffff:10.1.2.3")).isTrue();
        assertThat(b.parse("10.1.2.3")).isTrue();
        assertThat(a.hi()).isEqualTo(b.hi());
        assertThat(a.lo()).isEqualTo(b.lo());
        assertThat(a.isV4()).isTrue();
        assertThat(a.parse("0:0:0:0:0:FFFF:0A01:0203")).isTrue();
        assertThat(a.lo()).isEqualTo(b.lo());
    }

    @Test
    void parsesCompressedIpv6() {
        assertThat(a.parse("2001:db8::1")).isTrue();
        assertThat(a.hi()).isEqualTo(0x2001_0db8_0000_0000L);
        assertThat(a.lo()).isEqualTo(1L);
        assertThat(a.parse("fe80::1%eth0")).isTrue();
        assertThat(a.hi()).isEqualTo(0xfe80_0000_0000_0000L);
        assertThat(a.parse("::")).isTrue();
        assertThat(IpAddress.isWildcard(a.hi(), a.lo())).isTrue();
        assertThat(a.parse("0.0.0.0")).isTrue();
        assertThat(IpAddress.isWildcard(a.hi(), a.lo())).isTrue();
        assertThat(a.parse("1::")).isTrue();
        assertThat(a.hi()).isEqualTo(0x0001_0000_0000_0000L);
    }

    @Test
    void acceptsWhatInetAddressAcceptsSoIpAddressesNormalisesTheSame() {
        // Leading zeros in a group and decimal leading zeros in an embedded IPv4 part, as java.net.InetAddress.
        assertThat(a.parse("0000:0000::00001")).isTrue();
        assertThat(a.lo()).isEqualTo(1L);
        assertThat(a.parse("::ffff:01.2.3.4")).isTrue();
        assertThat(b.parse("1.2.3.4")).isTrue();
        assertThat(a.lo()).isEqualTo(b.lo());
        assertThat(IpAddresses.normalize("::ffff:01.2.3.4")).contains("1.2.3.4");
        assertThat(IpAddresses.normalize("0edc8::1")).contains("edc8::1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "1.2.3.-4",
                "01.2.3.4",
                "a.b.c.d",
                "1::2::3",
                ":1",
                "1:",
                "1:2:3:4:5:6:7:8:9",
                "12345::",
                "g::1",
                "example.com",
                "1.2.3.4 "
            })
    void rejectsWhatIsNotAnAddress(String text) {
        assertThat(a.parse(text)).isFalse();
    }
}
