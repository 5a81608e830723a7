package io.zeekagent.hub.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link AgentTransport} bean, by name; how dispatch and one-shot queries reach a host of any transport. */
@Component
public class AgentTransports {

    private final ObjectProvider<AgentTransport> transports;
    private volatile @Nullable Map<String, AgentTransport> byName;

    /** Looked up lazily: transports themselves call dispatch and queries, which call back through this registry. */
    AgentTransports(ObjectProvider<AgentTransport> transports) {
        this.transports = transports;
    }

    private Map<String, AgentTransport> byName() {
        Map<String, AgentTransport> m = byName;
        if (m == null) {
            m = new HashMap<>();
            for (AgentTransport t : transports.orderedStream().toList()) {
                if (m.put(t.name(), t) != null) {
                    throw new IllegalStateException("Two agent transports named " + t.name());
                }
            }
            byName = m;
        }
        return m;
    }

    /** The transport of that name, if one is installed. */
    public Optional<AgentTransport> find(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    /** The transport of that name when it is ready and can address the host now. */
    public Optional<AgentTransport> reachable(String transport, String hostId) {
        AgentTransport t = byName().get(transport);
        return t != null && t.isReady() && t.isAddressable(hostId) ? Optional.of(t) : Optional.empty();
    }
}
