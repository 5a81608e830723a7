package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.JsonV1;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The v2 agents connected now, by agent id, and the hub's identity towards them: one {@code zeek_instance} per hub
 * process, as a Zeek with the package has. Sending goes through the hub's topic routing.
 */
@Component
class V2Sessions {

    private final WebSocketHub hub;
    private final String zeekInstance =
            "zeek_hub_" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, V2Session> sessions = new ConcurrentHashMap<>();

    V2Sessions(WebSocketHub hub) {
        this.hub = hub;
    }

    /** The hub's Zeek instance id; agents send results to {@code /zeek-agent/response/<it>/<agent id>}. */
    String zeekInstance() {
        return zeekInstance;
    }

    Optional<V2Session> find(String agentId) {
        return Optional.ofNullable(sessions.get(agentId));
    }

    Collection<V2Session> all() {
        return List.copyOf(sessions.values());
    }

    /** Starts a session, returning the one it replaces (same agent, older connection or hello id), if any. */
    Optional<V2Session> start(V2Session session) {
        return Optional.ofNullable(sessions.put(session.agentId(), session));
    }

    /** Ends the session if it is still the agent's current one; returns whether it was. */
    boolean end(V2Session session) {
        return sessions.remove(session.agentId(), session);
    }

    /** Publishes an event to a topic; every connection subscribed to a prefix of it receives it. */
    int send(String topic, ZeekEvent event) {
        return hub.publish(topic, JsonV1.encodeDataMessage(topic, event.toBroker()));
    }
}
