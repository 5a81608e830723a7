package io.zeekagent.hub.agent.sim;

import java.util.List;

/**
 * Who a simulated agent says it is.
 *
 * @param hostId its host id (a UUID, as product_uuid gives)
 * @param hostname its hostname
 * @param address its interface address (announced, and the local side of its sockets)
 * @param groups groups from its configuration
 */
public record SimHost(String hostId, String hostname, String address, List<String> groups) {

    public SimHost {
        groups = List.copyOf(groups);
    }
}
