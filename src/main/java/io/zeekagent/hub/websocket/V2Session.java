package io.zeekagent.hub.websocket;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connected v2 agent from its first hello to its shutdown or disconnect: the connection, the hello query id
 * that identifies this connection of the agent (a new one means it reconnected and lost its queries), what it last
 * said about itself, and the queries the hub installed on it.
 */
final class V2Session {

    private final String agentId;
    private final WebSocketPeer peer;
    private final String helloQueryId;
    private final Instant connectedAt;
    private final Map<String, InstalledQuery> queries = new ConcurrentHashMap<>();
    private volatile AgentHello hello;
    private volatile Instant lastHello;

    V2Session(String agentId, WebSocketPeer peer, String helloQueryId, AgentHello hello, Instant now) {
        this.agentId = agentId;
        this.peer = peer;
        this.helloQueryId = helloQueryId;
        this.hello = hello;
        this.connectedAt = now;
        this.lastHello = now;
    }

    String agentId() {
        return agentId;
    }

    WebSocketPeer peer() {
        return peer;
    }

    String helloQueryId() {
        return helloQueryId;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    AgentHello hello() {
        return hello;
    }

    Instant lastHello() {
        return lastHello;
    }

    void helloAgain(AgentHello hello, Instant now) {
        this.hello = hello;
        this.lastHello = now;
    }

    /** Queries installed on the agent, by query id. */
    Map<String, InstalledQuery> queries() {
        return queries;
    }

    /**
     * A query the hub installed on the agent.
     *
     * @param cookie the subscription id or one-shot cookie the rows are routed by
     * @param updateType the subscription's update type, deciding which changes are kept
     * @param oneShot whether it runs once
     * @param installedAt when it was sent
     */
    record InstalledQuery(String cookie, String updateType, boolean oneShot, Instant installedAt) {}
}
