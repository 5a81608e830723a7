package io.zeekagent.hub.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.broker.BrokerValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link RowValues}. */
class RowValuesTests {

    @Test
    void zipsColumnNamesWithValuesInSelectOrder() {
        var row = RowValues.object(
                List.of("pid", "exe", "ok"),
                List.of(BrokerValue.integer(7), BrokerValue.string("/bin/sh"), BrokerValue.bool(true)));

        assertThat(row)
                .containsExactly(
                        java.util.Map.entry("pid", 7L),
                        java.util.Map.entry("exe", "/bin/sh"),
                        java.util.Map.entry("ok", true));
    }

    @Test
    void keepsExtraValuesUnderPositionalNamesAndNoneAsNull() {
        var row = RowValues.object(List.of("a"), List.of(BrokerValue.string("x"), BrokerValue.none()));

        assertThat(row).containsKeys("a", "_col1");
        assertThat(row.get("_col1")).isNull();
    }

    @Test
    void rendersAddressesAndContainersAsJsonFriendlyValues() {
        assertThat(RowValues.plain(BrokerValue.address("192.0.2.1"))).isEqualTo("192.0.2.1");
        assertThat(RowValues.plain(BrokerValue.vector(BrokerValue.count(1), BrokerValue.string("b"))))
                .isEqualTo(List.of(1L, "b"));
    }
}
