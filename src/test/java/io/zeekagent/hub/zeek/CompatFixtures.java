package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.Arrays;
import java.util.List;

/** Control events as the compat script sends them: the seed's listening-ports and auditd socket-open queries. */
final class CompatFixtures {

    static final String INBOX = "zeek-agent-hub.node.zc-1.";
    static final String LISTENING_PORTS = "AgentListeningPorts::listening_port";
    static final String LISTENING_PORTS_TYPE = "event(result:ZeekAgent::Result; pid:int; process_name:string; "
            + "protocol:int; local_addr:string; local_port:int;)";
    static final String LISTENING_PORTS_SQL = "SELECT listening_ports.pid, name, protocol, address, port FROM "
            + "listening_ports LEFT JOIN processes WHERE processes.pid=listening_ports.pid AND family=2";
    static final String SOCKET_OPEN = "Agent_SocketOpen::socket_open";
    static final String SOCKET_OPEN_TYPE = "event(result:ZeekAgent::Result; action:string; pid:int; fd:int; "
            + "path:string; local_address:string; remote_address:string; local_port:int; remote_port:int; "
            + "host_time:int; success:int;)";
    static final String SOCKET_OPEN_SQL = "SELECT action, pid, fd, path, local_address, remote_address, local_port,"
            + " remote_port, time, success FROM socket_events WHERE family=2";

    private CompatFixtures() {}

    static ZeekEvent subscribe(String name, String cookie, String... groups) {
        return subscribeAs("zeek-test", INBOX, name, cookie, groups);
    }

    /** A subscribe or unsubscribe of the listening-ports query, from the Zeek {@code owner} answering on {@code inbox}. */
    static ZeekEvent subscribeAs(String owner, String inbox, String name, String cookie, String... groups) {
        return ZeekEvent.of(
                name,
                BrokerValue.string(owner),
                BrokerValue.string(inbox),
                BrokerValue.string(LISTENING_PORTS),
                BrokerValue.string(LISTENING_PORTS_TYPE),
                BrokerValue.string(LISTENING_PORTS_SQL),
                BrokerValue.string("BOTH"),
                BrokerValue.count(10),
                BrokerValue.string(cookie),
                BrokerValue.vector(BrokerValue.string("")),
                strings(groups));
    }

    static ZeekEvent execute(String execId) {
        return ZeekEvent.of(
                CompatEvents.EXECUTE,
                BrokerValue.string("zeek-test"),
                BrokerValue.string(INBOX),
                BrokerValue.string(execId),
                BrokerValue.string(LISTENING_PORTS),
                BrokerValue.string(LISTENING_PORTS_TYPE),
                BrokerValue.string(LISTENING_PORTS_SQL),
                BrokerValue.string("once"),
                BrokerValue.vector(BrokerValue.string("host-1")),
                BrokerValue.vector());
    }

    static ZeekEvent grouping(String name, String group, String... subnets) {
        return ZeekEvent.of(
                name,
                BrokerValue.string("zeek-test"),
                BrokerValue.string(INBOX),
                BrokerValue.vector(
                        Arrays.stream(subnets).map(BrokerValue::subnet).toList()),
                BrokerValue.string(group));
    }

    private static BrokerValue strings(String... values) {
        List<BrokerValue> list = Arrays.stream(values).map(BrokerValue::string).toList();
        return BrokerValue.vector(list);
    }
}
