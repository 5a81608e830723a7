package io.zeekagent.hub.net;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Tests for {@link IpAddresses}. */
class IpAddressesTests {

    @Test
    void keepsIpv4AsDottedQuad() {
        assertThat(IpAddresses.normalize(" 10.0.0.5 ")).contains("10.0.0.5");
    }

    @Test
    void writesIpv6InRfc5952Form() {
        assertThat(IpAddresses.normalize("2001:0DB8:0000:0000:0000:0000:0000:0001"))
                .contains("2001:db8::1");
        assertThat(IpAddresses.normalize("0:0:0:0:0:0:0:1")).contains("::1");
        assertThat(IpAddresses.normalize("2001:db8:0:1:0:0:0:1")).contains("2001:db8:0:1::1");
        assertThat(IpAddresses.normalize("::")).contains("::");
    }

    @Test
    void treatsIpv4MappedIpv6AsTheIpv4Address() {
        assertThat(IpAddresses.normalize("::ffff:192.0.2.1")).contains("192.0.2.1");
        assertThat(IpAddresses.normalize("::FFFF:c000:0201")).contains("192.0.2.1");
    }

    @Test
    void dropsTheZoneOfALinkLocalAddress() {
        assertThat(IpAddresses.normalize("fe80::1%eth0")).contains("fe80::1");
    }

    @Test
    void rejectsWhatIsNotALiteralWithoutResolvingIt() {
        assertThat(IpAddresses.normalize("localhost")).isEmpty();
        assertThat(IpAddresses.normalize("example.com")).isEmpty();
        assertThat(IpAddresses.normalize("256.1.1.1")).isEmpty();
        assertThat(IpAddresses.normalize("1.2.3")).isEmpty();
        assertThat(IpAddresses.normalize("")).isEmpty();
        assertThat(IpAddresses.normalize("1:2:3:4:5:6:7:8:9")).isEmpty();
    }

    @Property
    void everyIpv4AddressEqualsItsMappedForm(
            @ForAll @IntRange(max = 255) int a,
            @ForAll @IntRange(max = 255) int b,
            @ForAll @IntRange(max = 255) int c,
            @ForAll @IntRange(max = 255) int d) {
        String ipv4 = a + "." + b + "." + c + "." + d;
        assertThat(IpAddresses.normalize("::ffff:" + ipv4)).contains(ipv4);
        assertThat(IpAddresses.normalize(ipv4)).contains(ipv4);
    }
}
