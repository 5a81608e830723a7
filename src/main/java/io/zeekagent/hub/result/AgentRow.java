package io.zeekagent.hub.result;

import io.zeekagent.hub.broker.BrokerValue;
import java.time.Instant;
import java.util.List;

/**
 * One result row as an agent sent it, whatever the transport.
 *
 * @param hostId the answering host
 * @param transport the transport it came over ({@code zeromq}, {@code websocket})
 * @param update whether the row was added, removed or is part of a snapshot
 * @param cookie the cookie the hub handed out: a subscription id or a one-shot query's cookie
 * @param values one value per selected column, in SELECT order
 * @param receivedAt when the hub received it
 */
public record AgentRow(
        String hostId,
        String transport,
        RowUpdate update,
        String cookie,
        List<BrokerValue> values,
        Instant receivedAt) {

    public AgentRow {
        values = List.copyOf(values);
    }
}
