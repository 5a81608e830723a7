package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.broker.BrokerFormatException;
import org.junit.jupiter.api.Test;

/** Tests for {@link CompatSignature}: event signatures as Zeek's {@code type_name} writes them. */
class CompatSignatureTests {

    @Test
    void readsTheColumnsAfterTheResultAsZeekDescribesThem() {
        assertThat(CompatSignature.columns("event(result:ZeekAgent::Result; pid:int; process_name:string; "
                        + "protocol:int; local_addr:string; local_port:int;)"))
                .containsExactly(
                        CompatColumnType.INT,
                        CompatColumnType.STRING,
                        CompatColumnType.INT,
                        CompatColumnType.STRING,
                        CompatColumnType.INT);
    }

    @Test
    void acceptsCommasSpacesAndAttributes() {
        assertThat(CompatSignature.columns("event(result: ZeekAgent::Result, a: count &optional, b: addr)"))
                .containsExactly(CompatColumnType.COUNT, CompatColumnType.ADDR);
        assertThat(CompatSignature.columns("event(result:ZeekAgent::Result;)")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAResultEvent() {
        assertThatThrownBy(() -> CompatSignature.columns("function(a:int;)")).isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatSignature.columns("event(pid:int;)")).isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatSignature.columns("event(result:ZeekAgent::Result; t:table[string] of int;)"))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatSignature.columns("")).isInstanceOf(BrokerFormatException.class);
    }
}
