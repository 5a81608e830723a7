package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.PortProtocol;
import io.zeekagent.hub.broker.PortValue;
import io.zeekagent.hub.broker.SubnetValue;
import io.zeekagent.hub.broker.TimespanValue;
import io.zeekagent.hub.broker.TimestampValue;
import org.junit.jupiter.api.Test;

/** Tests for {@link CompatColumnType}: every declared type, from v1 (text, integer, real) and v2 values. */
class CompatColumnTypeTests {

    @Test
    void keepsTheSeedsV1TypesAsTheyCome() {
        assertThat(CompatColumnType.STRING.convert(BrokerValue.string("sshd"))).isEqualTo(BrokerValue.string("sshd"));
        assertThat(CompatColumnType.INT.convert(BrokerValue.integer(-4))).isEqualTo(BrokerValue.integer(-4));
        assertThat(CompatColumnType.DOUBLE.convert(BrokerValue.real(0.5))).isEqualTo(BrokerValue.real(0.5));
    }

    @Test
    void convertsV2CountsToIntAndDoubleAndIntegersToCount() {
        assertThat(CompatColumnType.INT.convert(BrokerValue.count(22))).isEqualTo(BrokerValue.integer(22));
        assertThat(CompatColumnType.DOUBLE.convert(BrokerValue.count(3))).isEqualTo(BrokerValue.real(3.0));
        assertThat(CompatColumnType.COUNT.convert(BrokerValue.integer(7))).isEqualTo(BrokerValue.count(7));
        assertThat(CompatColumnType.COUNT.convert(BrokerValue.count(7))).isEqualTo(BrokerValue.count(7));
        assertThat(CompatColumnType.INT.convert(BrokerValue.real(5.0))).isEqualTo(BrokerValue.integer(5));
    }

    @Test
    void convertsTextToNumbersAddressesSubnetsAndPorts() {
        assertThat(CompatColumnType.INT.convert(BrokerValue.string(" 42 "))).isEqualTo(BrokerValue.integer(42));
        assertThat(CompatColumnType.COUNT.convert(BrokerValue.string("42"))).isEqualTo(BrokerValue.count(42));
        assertThat(CompatColumnType.DOUBLE.convert(BrokerValue.string("1.5"))).isEqualTo(BrokerValue.real(1.5));
        assertThat(CompatColumnType.ADDR.convert(BrokerValue.string("fe80::1%eth0")))
                .isEqualTo(AddressValue.parse("fe80::1"));
        assertThat(CompatColumnType.ADDR.convert(AddressValue.parse("10.0.0.1")))
                .isEqualTo(AddressValue.parse("10.0.0.1"));
        assertThat(CompatColumnType.SUBNET.convert(BrokerValue.string("10.0.0.0/8")))
                .isEqualTo(SubnetValue.parse("10.0.0.0/8"));
        assertThat(CompatColumnType.PORT.convert(BrokerValue.string("443/tcp")))
                .isEqualTo(new PortValue(443, PortProtocol.TCP));
        assertThat(CompatColumnType.PORT.convert(BrokerValue.count(53)))
                .isEqualTo(new PortValue(53, PortProtocol.UNKNOWN));
        assertThat(CompatColumnType.PORT.convert(BrokerValue.integer(80)))
                .isEqualTo(new PortValue(80, PortProtocol.UNKNOWN));
    }

    @Test
    void convertsNumbersToTextAndBooleans() {
        assertThat(CompatColumnType.STRING.convert(BrokerValue.integer(6))).isEqualTo(BrokerValue.string("6"));
        assertThat(CompatColumnType.STRING.convert(BrokerValue.count(-1)))
                .isEqualTo(BrokerValue.string("18446744073709551615"));
        assertThat(CompatColumnType.STRING.convert(AddressValue.parse("10.0.0.1")))
                .isEqualTo(BrokerValue.string("10.0.0.1"));
        assertThat(CompatColumnType.BOOL.convert(BrokerValue.integer(1))).isEqualTo(BrokerValue.bool(true));
        assertThat(CompatColumnType.BOOL.convert(BrokerValue.string("false"))).isEqualTo(BrokerValue.bool(false));
        assertThat(CompatColumnType.BOOL.convert(BrokerValue.bool(true))).isEqualTo(BrokerValue.bool(true));
    }

    @Test
    void convertsEpochSecondsToTimeAndSecondsToInterval() {
        assertThat(CompatColumnType.TIME.convert(BrokerValue.integer(1_700_000_000)))
                .isEqualTo(new TimestampValue(1_700_000_000_000_000_000L));
        assertThat(CompatColumnType.TIME.convert(BrokerValue.real(1.25))).isEqualTo(new TimestampValue(1_250_000_000L));
        assertThat(CompatColumnType.INTERVAL.convert(BrokerValue.count(10)))
                .isEqualTo(new TimespanValue(10_000_000_000L));
        assertThat(CompatColumnType.TIME.convert(new TimestampValue(5))).isEqualTo(new TimestampValue(5));
    }

    @Test
    void refusesWhatDoesNotConvertWithoutLoss() {
        assertThatThrownBy(() -> CompatColumnType.INT.convert(BrokerValue.string("abc")))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatColumnType.INT.convert(BrokerValue.real(1.5)))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatColumnType.COUNT.convert(BrokerValue.integer(-1)))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatColumnType.ADDR.convert(BrokerValue.string("not-an-ip")))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatColumnType.PORT.convert(BrokerValue.integer(70000)))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatColumnType.BOOL.convert(BrokerValue.integer(2)))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatColumnType.STRING.convert(BrokerValue.none()))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatColumnType.INT.convert(BrokerValue.none()))
                .isInstanceOf(BrokerFormatException.class);
    }

    @Test
    void parsesZeekTypeNamesAndRefusesContainers() {
        assertThat(CompatColumnType.parse("int")).isEqualTo(CompatColumnType.INT);
        assertThat(CompatColumnType.parse(" addr ")).isEqualTo(CompatColumnType.ADDR);
        assertThatThrownBy(() -> CompatColumnType.parse("vector of string")).isInstanceOf(BrokerFormatException.class);
    }
}
