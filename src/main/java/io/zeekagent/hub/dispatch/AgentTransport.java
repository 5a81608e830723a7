package io.zeekagent.hub.dispatch;

import java.util.Set;

/**
 * A way of reaching agents: the v1 ZeroMQ protocol, the v2 WebSocket protocol, osquery's TLS remote API. The dispatcher picks the transport
 * by the host's {@code transport} field and calls it from its own thread; implementations must not block (queue
 * and return). Every Spring bean implementing this interface is picked up.
 */
public interface AgentTransport {

    /** The name stored in a host's {@code transport} field, e.g. {@code zeromq}. */
    String name();

    /** Whether commands can be sent now; when not, the dispatcher retries on a later tick. */
    boolean isReady();

    /**
     * Whether {@code hostId} can be addressed now (for ZeroMQ: its individual topic is subscribed on the proxy, so
     * a message published now is not discarded). The dispatcher only sends to addressable hosts.
     */
    boolean isAddressable(String hostId);

    /**
     * Whether the host can run a query reading {@code tablesRead} (lower-case names): v2 agents list their tables
     * in the hello, v1 agents have the v1 tables. Dispatch sends a subscription only to hosts that can run it, so
     * one subscription list serves every kind of agent and nothing is sent that would fail. By default, any query.
     */
    default boolean canRun(String hostId, Set<String> tablesRead) {
        return true;
    }

    /**
     * As {@link #canRun(String, Set)}, with the whole subscription at hand, for agents that share a table name with
     * others but not its columns (osquery's {@code socket_events} is not v1's). By default, the table check.
     */
    default boolean canRun(String hostId, SubscriptionCommand command, Set<String> tablesRead) {
        return canRun(hostId, tablesRead);
    }

    /** Asks the host to run a query periodically. */
    void subscribe(String hostId, SubscriptionCommand command);

    /** Asks the host to stop a query; {@code command} repeats the subscribe it cancels. */
    void unsubscribe(String hostId, SubscriptionCommand command);

    /** Asks the host to run a query once. */
    void execute(String hostId, ExecuteCommand command);

    /** Tells the host it joined a group. */
    void join(String hostId, String group);

    /** Tells the host it left a group. */
    void leave(String hostId, String group);
}
