package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerValue;
import org.jspecify.annotations.Nullable;

/**
 * {@code ZeekAgentHub::Match = record { seuid: string; host_id: string; pid: count &optional; process: string
 * &optional; }}: one socket event behind one side of a connection.
 *
 * @param seuid the socket event's id
 * @param hostId the agent host that reported it
 * @param pid the process id, when known and not negative
 * @param process the executable path or process name, when known
 */
record ZeekMatch(
        String seuid,
        String hostId,
        @Nullable Long pid,
        @Nullable String process) {

    /** A record travels as the vector of its fields in declaration order; an unset optional field is none. */
    BrokerValue toBroker() {
        return BrokerValue.vector(
                BrokerValue.string(seuid),
                BrokerValue.string(hostId),
                pid == null || pid < 0 ? BrokerValue.none() : BrokerValue.count(pid),
                process == null ? BrokerValue.none() : BrokerValue.string(process));
    }
}
