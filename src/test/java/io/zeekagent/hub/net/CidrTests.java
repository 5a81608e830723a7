package io.zeekagent.hub.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Tests for {@link Cidr}. */
class CidrTests {

    @Test
    void containsAddressesOfAnIpv4Network() {
        Cidr cidr = Cidr.parse("10.1.0.0/16");
        assertThat(cidr.contains("10.1.255.3")).isTrue();
        assertThat(cidr.contains("10.2.0.1")).isFalse();
    }

    @Test
    void containsAddressesOfAnIpv6Network() {
        Cidr cidr = Cidr.parse("2001:db8:1::/48");
        assertThat(cidr.contains("2001:db8:1:ffff::1")).isTrue();
        assertThat(cidr.contains("2001:db8:2::1")).isFalse();
    }

    @Test
    void matchesIpv4MappedAddressesAgainstIpv4Networks() {
        assertThat(Cidr.parse("192.168.0.0/16").contains("::ffff:192.168.7.7")).isTrue();
        Cidr mapped = Cidr.parse("::ffff:192.168.0.0/112");
        assertThat(mapped).hasToString("192.168.0.0/16");
        assertThat(mapped.contains("192.168.9.9")).isTrue();
    }

    @Test
    void neverMatchesTheOtherFamily() {
        assertThat(Cidr.parse("0.0.0.0/0").contains("2001:db8::1")).isFalse();
        assertThat(Cidr.parse("::/0").contains("10.0.0.1")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("not an address")).isFalse();
    }

    @Test
    void clearsHostBitsAndAcceptsABareAddress() {
        assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
        assertThat(Cidr.parse("2001:db8::1/32")).hasToString("2001:db8::/32");
        assertThat(Cidr.parse("10.0.0.7")).hasToString("10.0.0.7/32");
        assertThat(Cidr.parse("10.0.0.7").contains("10.0.0.8")).isFalse();
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    }

    @Test
    void rejectsInvalidNetworksSayingWhy() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cidr.parse("10.0.0.0/33"))
                .withMessageContaining("prefix");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cidr.parse("2001:db8::/129"))
                .withMessageContaining("prefix");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cidr.parse("10.0.0.0/-1"))
                .withMessageContaining("prefix");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cidr.parse("bogus/8"))
                .withMessageContaining("not an IPv4");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cidr.parse("::ffff:10.0.0.0/90"))
                .withMessageContaining("96");
        assertThat(Cidr.tryParse("300.0.0.0/8")).isEmpty();
    }
}
