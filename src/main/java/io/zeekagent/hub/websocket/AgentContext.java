package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code ZeekAgent::Context}, the first argument of every agent → hub event (§2.5).
 *
 * @param agentId the agent's id
 * @param hostTime the agent's clock when it sent the event (seconds; local time on some agents)
 * @param queryId the query the event belongs to; none for shutdown
 * @param change whether a result row was added or deleted, or none for snapshots
 * @param cookie the query's cookie, when it had one
 */
record AgentContext(
        String agentId,
        @Nullable Instant hostTime,
        @Nullable String queryId,
        V2Change change,
        @Nullable String cookie) {

    /** Reads the positional vector of five; a shorter vector (older agents) leaves the missing fields empty. */
    static AgentContext of(BrokerValue value) {
        List<BrokerValue> fields = value.asVector();
        if (fields.isEmpty()) {
            throw new BrokerFormatException("empty ZeekAgent::Context");
        }
        String agentId = fields.get(0).asString();
        if (agentId.isBlank()) {
            throw new BrokerFormatException("ZeekAgent::Context without agent id");
        }
        return new AgentContext(
                agentId,
                optional(fields, 1) == null ? null : fields.get(1).asTimestamp(),
                optionalString(fields, 2),
                optional(fields, 3) == null ? V2Change.NONE : V2Change.of(fields.get(3)),
                optionalString(fields, 4));
    }

    private static @Nullable BrokerValue optional(List<BrokerValue> fields, int index) {
        return index < fields.size() && !fields.get(index).isNone() ? fields.get(index) : null;
    }

    private static @Nullable String optionalString(List<BrokerValue> fields, int index) {
        BrokerValue value = optional(fields, index);
        return value == null ? null : value.asString();
    }
}
