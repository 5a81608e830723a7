package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.result.AgentRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the rows of one compat subscription or execution go, and as what: the calling Zeek's inbox, its event name,
 * its own cookie (the hub's cookie on the agent wire is the subscription id) and the declared column types.
 *
 * @param owner the owning Zeek ({@code zeek:<name>})
 * @param inbox that Zeek process's inbox topic
 * @param event the result event's name ({@code Query$ev})
 * @param cookie the script's {@code Query$cookie}, echoed in {@code Result$cookie}
 * @param columns the declared column types, in SELECT order
 */
record CompatRoute(String owner, String inbox, String event, String cookie, List<CompatColumnType> columns) {

    CompatRoute {
        columns = List.copyOf(columns);
    }

    /** The same route delivering to another inbox (the Zeek restarted or replayed from another process). */
    CompatRoute withInbox(String newInbox) {
        return new CompatRoute(owner, newInbox, event, cookie, columns);
    }

    /**
     * The row as the result event: {@code [host_id, ZeekAgent::ADD|REMOVE|SNAPSHOT, cookie]}, then each column
     * converted to its declared type.
     *
     * @throws BrokerFormatException when the number of values differs from the declared columns or a value does not
     *     convert
     */
    ZeekEvent toEvent(AgentRow row) {
        List<BrokerValue> values = row.values();
        if (values.size() != columns.size()) {
            throw new BrokerFormatException(
                    event + " declares " + columns.size() + " columns, the row has " + values.size());
        }
        List<BrokerValue> args = new ArrayList<>(values.size() + 1);
        args.add(BrokerValue.vector(
                BrokerValue.string(row.hostId()),
                BrokerValue.enumValue("ZeekAgent::" + row.update().name()),
                BrokerValue.string(cookie)));
        for (int i = 0; i < values.size(); i++) {
            try {
                args.add(columns.get(i).convert(values.get(i)));
            } catch (BrokerFormatException e) {
                throw new BrokerFormatException("column " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new ZeekEvent(event, args, null);
    }
}
