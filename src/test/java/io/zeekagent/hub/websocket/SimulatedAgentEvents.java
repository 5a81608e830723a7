package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** The events a v2 agent sends, built as the agent builds them (§2.5), for the simulator and decoder tests. */
final class SimulatedAgentEvents {

    /** Agent 2.3.0-19, the version of the stored source snapshot. */
    static final long VERSION_23 = 203000019L;
    /** Agent 2.4.0 (12-field hello). */
    static final long VERSION_24 = 204000000L;

    static final Set<String> ALL_TABLES = SimulatedTables.names();

    private SimulatedAgentEvents() {}

    static BrokerValue context(AgentContext c) {
        return BrokerValue.vector(
                BrokerValue.string(c.agentId()),
                c.hostTime() == null ? BrokerValue.none() : BrokerValue.timestamp(c.hostTime()),
                c.queryId() == null ? BrokerValue.none() : BrokerValue.string(c.queryId()),
                switch (c.change()) {
                    case NONE -> BrokerValue.none();
                    case ADD -> BrokerValue.enumValue("ZeekAgent::Add");
                    case DELETE -> BrokerValue.enumValue("ZeekAgent::Delete");
                },
                c.cookie() == null ? BrokerValue.none() : BrokerValue.string(c.cookie()));
    }

    static BrokerValue context(String agentId, String queryId, V2Change change, String cookie) {
        return context(new AgentContext(agentId, now(), queryId, change, cookie));
    }

    /** A hello with default host facts; {@code withBroker} selects the 13-field form of agent ≤ 2.3. */
    static ZeekEvent hello(String agentId, String helloQueryId, boolean withBroker) {
        return hello(agentId, helloQueryId, withBroker, "host-" + agentId, List.of("10.0.0.1"), ALL_TABLES);
    }

    static ZeekEvent hello(
            String agentId,
            String helloQueryId,
            boolean withBroker,
            String hostname,
            List<String> addresses,
            Set<String> tables) {
        BrokerValue addressSet =
                BrokerValue.set(addresses.stream().map(BrokerValue::address).toList());
        BrokerValue tableSet =
                BrokerValue.set(tables.stream().map(BrokerValue::string).toList());
        List<BrokerValue> fields = new java.util.ArrayList<>(List.of(
                BrokerValue.string(agentId),
                BrokerValue.string("I" + agentId),
                BrokerValue.string(hostname),
                addressSet,
                BrokerValue.string("Linux"),
                BrokerValue.string("Debian GNU/Linux 12 (bookworm)"),
                BrokerValue.string("Linux"),
                BrokerValue.string("6.1.0-18-amd64"),
                BrokerValue.string("x86_64"),
                BrokerValue.count(withBroker ? VERSION_23 : VERSION_24)));
        if (withBroker) {
            fields.add(BrokerValue.string("n/a"));
        }
        fields.add(BrokerValue.timespan(Duration.ofSeconds(42)));
        fields.add(tableSet);
        BrokerValue ctx = context(new AgentContext(agentId, now(), helloQueryId, V2Change.NONE, null));
        return ZeekEvent.of(AgentMessage.HELLO, ctx, BrokerValue.vector(fields));
    }

    static ZeekEvent shutdown(String agentId) {
        return ZeekEvent.of(
                AgentMessage.SHUTDOWN, context(new AgentContext(agentId, now(), null, V2Change.NONE, null)));
    }

    static ZeekEvent error(String agentId, String queryId, String cookie, String message) {
        return ZeekEvent.of(
                AgentMessage.ERROR,
                context(new AgentContext(agentId, now(), queryId, V2Change.NONE, cookie)),
                BrokerValue.string(message));
    }

    /** The agent's clock: whole seconds, as its timestamps are. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
