package io.zeekagent.hub.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tests for {@link AgentSimulator}'s addresses: host addresses, never a network's or a broadcast one. */
class AgentSimulatorTests {

    @Test
    void givesEveryAgentADistinctHostAddress() {
        assertThat(AgentSimulator.hostAddress(0)).isEqualTo("10.0.0.1");
        assertThat(AgentSimulator.hostAddress(253)).isEqualTo("10.0.0.254");
        assertThat(AgentSimulator.hostAddress(254)).isEqualTo("10.0.1.1");
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 70_000).mapToObj(AgentSimulator::hostAddress).forEach(address -> {
            assertThat(address).doesNotEndWith(".0").doesNotEndWith(".255");
            assertThat(seen.add(address)).as(address).isTrue();
        });
    }
}
