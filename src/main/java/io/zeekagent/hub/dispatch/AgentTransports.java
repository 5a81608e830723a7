package io.zeekagent.hub.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every {@link AgentTransport} bean, by name; how dispatch and one-shot queries reach a host of any transport. */
@Component
public class AgentTransports {

    private final Map<String, AgentTransport> byName = new HashMap<>();

    AgentTransports(List<AgentTransport> transports) {
        for (AgentTransport t : transports) {
            AgentTransport previous = byName.put(t.name(), t);
            if (previous != null) {
                throw new IllegalStateException("Two agent transports named " + t.name());
            }
        }
    }

    /** The transport of that name, if one is installed. */
    public Optional<AgentTransport> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The transport of that name when it is ready and can address the host now. */
    public Optional<AgentTransport> reachable(String transport, String hostId) {
        AgentTransport t = byName.get(transport);
        return t != null && t.isReady() && t.isAddressable(hostId) ? Optional.of(t) : Optional.empty();
    }
}
