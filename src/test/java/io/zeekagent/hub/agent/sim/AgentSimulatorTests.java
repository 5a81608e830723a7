package io.zeekagent.hub.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link AgentSimulator}'s addresses: host addresses, never a network's or a broadcast one, and distinct
 * across simulators started with different first addresses.
 */
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

    @Test
    void startsItsAgentsAtTheFirstAddressAskedFor() {
        // Nothing listens on these ports: ZeroMQ connects lazily, and the agents only need their names and addresses.
        try (AgentSimulator sim = new AgentSimulator("tcp://127.0.0.1:1", "tcp://127.0.0.1:2")) {
            assertThat(sim.startMany("on-b", 2, List.of(), 100))
                    .extracting(SimHost::hostId, SimHost::address)
                    .containsExactly(tuple("on-b-0", "10.0.0.101"), tuple("on-b-1", "10.0.0.102"));
            assertThat(sim.startMany("on-a", 1, List.of()))
                    .extracting(SimHost::address)
                    .containsExactly("10.0.0.1");
        }
    }
}
