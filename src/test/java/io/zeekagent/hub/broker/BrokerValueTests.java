package io.zeekagent.hub.broker;

import static io.zeekagent.hub.broker.BrokerValue.count;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link BrokerValue}. */
class BrokerValueTests {

    @Test
    void typedAccessorsReturnTheValue() {
        assertThat(BrokerValue.bool(true).asBoolean()).isTrue();
        assertThat(count(7).asCount()).isEqualTo(7);
        assertThat(BrokerValue.integer(-7).asInteger()).isEqualTo(-7);
        assertThat(BrokerValue.real(0.5).asReal()).isEqualTo(0.5);
        assertThat(string("s").asString()).isEqualTo("s");
        assertThat(BrokerValue.enumValue("ZeekAgent::ADD").asEnum()).isEqualTo("ZeekAgent::ADD");
        assertThat(BrokerValue.address("::1").asAddress().isV4()).isFalse();
        assertThat(BrokerValue.subnet("10.0.0.0/8").asSubnet().length()).isEqualTo(8);
        assertThat(BrokerValue.port(53, PortProtocol.UDP).asPort().number()).isEqualTo(53);
        assertThat(BrokerValue.timestamp(Instant.ofEpochSecond(1, 5)).asTimestamp())
                .isEqualTo(Instant.ofEpochSecond(1, 5));
        assertThat(BrokerValue.timespan(Duration.ofMillis(-3)).asTimespan()).isEqualTo(Duration.ofMillis(-3));
        assertThat(BrokerValue.vector(count(1)).asVector()).containsExactly(count(1));
        assertThat(BrokerValue.set(count(1)).asSet()).containsExactly(count(1));
        assertThat(BrokerValue.table(Map.of(count(1), string("a"))).asTable()).containsEntry(count(1), string("a"));
        assertThat(BrokerValue.none().isNone()).isTrue();
    }

    @Test
    void accessorForAnotherTypeRaisesBrokerFormatException() {
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> count(3).asString())
                .withMessage("expected StringValue but got COUNT 3")
                .satisfies(e -> assertThat(e.offset()).isEqualTo(-1));
    }

    @Test
    void equalityIsByValue() {
        assertThat(BrokerValue.vector(string("a"), count(1)))
                .isEqualTo(BrokerValue.vector(List.of(string("a"), count(1))));
        assertThat(BrokerValue.real(Double.NaN)).isEqualTo(BrokerValue.real(Double.NaN));
        assertThat(BrokerValue.real(0.0)).isNotEqualTo(BrokerValue.real(-0.0));
        assertThat(count(1)).isNotEqualTo(BrokerValue.integer(1));
        assertThat(BrokerValue.address("10.0.0.1")).isEqualTo(BrokerValue.address("::ffff:10.0.0.1"));
    }

    @Test
    void setsAndTablesIgnoreInsertionOrderAndCollapseDuplicates() {
        Map<BrokerValue, BrokerValue> forward = new LinkedHashMap<>();
        forward.put(string("a"), count(1));
        forward.put(string("b"), count(2));
        Map<BrokerValue, BrokerValue> backward = new LinkedHashMap<>();
        backward.put(string("b"), count(2));
        backward.put(string("a"), count(1));

        assertThat(BrokerValue.set(string("b"), string("a"), string("b")))
                .isEqualTo(BrokerValue.set(string("a"), string("b")));
        assertThat(BrokerValue.set(string("b"), string("a")).asSet()).hasSize(2);
        assertThat(BrokerValue.table(forward)).isEqualTo(BrokerValue.table(backward));
        assertThat(BrokerValue.table(forward).hashCode())
                .isEqualTo(BrokerValue.table(backward).hashCode());
    }

    @Test
    void containersAreImmutable() {
        BrokerValue vector = BrokerValue.vector(count(1));

        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> vector.asVector().add(count(2)));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> BrokerValue.set(count(1)).asSet().clear());
    }

    @Test
    void printsReadably() {
        BrokerValue value = BrokerValue.vector(
                string("x"),
                count(1),
                BrokerValue.bool(false),
                BrokerValue.none(),
                BrokerValue.port(8080, PortProtocol.TCP),
                BrokerValue.subnet("10.1.0.0/16"),
                BrokerValue.timespan(Duration.ofMillis(1500)),
                BrokerValue.timestamp(Instant.parse("2014-07-09T10:16:44Z")),
                BrokerValue.set(count(2)),
                BrokerValue.table(Map.of(string("k"), BrokerValue.enumValue("E::V"))));

        assertThat(value)
                .hasToString("[\"x\", 1, F, none, 8080/tcp, 10.1.0.0/16, 1500ms, 2014-07-09T10:16:44.000, {2},"
                        + " {\"k\" -> E::V}]");
    }

    @Test
    void reportsItsBrokerTypeAndTag() {
        assertThat(BrokerValue.enumValue("x").type()).isEqualTo(BrokerType.ENUM_VALUE);
        assertThat(BrokerType.ENUM_VALUE.tag()).isEqualTo(0x0B);
        assertThat(BrokerType.ENUM_VALUE.jsonName()).isEqualTo("enum-value");
        assertThat(BrokerType.VECTOR.tag()).isEqualTo(0x0E);
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> BrokerValue.port(65536, PortProtocol.TCP));
    }
}
