package io.zeekagent.hub.websocket;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the simulated agent says about itself.
 *
 * @param hostname its hostname
 * @param addresses the addresses of its default-route interface
 * @param tables the tables it has (and lists in its hello)
 * @param withBroker whether it sends the 13-field hello of agent ≤ 2.3 (else the 12-field one of 2.4)
 * @param helloInterval how often it says hello after the first one
 */
record SimulatedAgentOptions(
        String hostname, List<String> addresses, Set<String> tables, boolean withBroker, Duration helloInterval) {

    SimulatedAgentOptions {
        addresses = List.copyOf(addresses);
        tables = Set.copyOf(tables);
    }

    static SimulatedAgentOptions defaults(String hostname, String address) {
        return new SimulatedAgentOptions(
                hostname, List.of(address), SimulatedTables.names(), true, Duration.ofSeconds(60));
    }

    SimulatedAgentOptions helloEvery(Duration interval) {
        return new SimulatedAgentOptions(hostname, addresses, tables, withBroker, interval);
    }

    SimulatedAgentOptions withTables(Set<String> only) {
        return new SimulatedAgentOptions(hostname, addresses, only, withBroker, helloInterval);
    }
}
