package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.List;

/** An event from a v2 agent, decoded (§2.5): hello, shutdown, error, or one result row. */
sealed interface AgentMessage {

    String HELLO = "ZeekAgentAPI::agent_hello_v1";
    String SHUTDOWN = "ZeekAgentAPI::agent_shutdown_v1";
    String ERROR = "ZeekAgentAPI::agent_error_v1";
    String API_PREFIX = "ZeekAgentAPI::";

    /** The context every agent event starts with. */
    AgentContext context();

    /** The agent's periodic hello. */
    record Hello(AgentContext context, AgentHello hello) implements AgentMessage {}

    /** The agent is going away. */
    record Shutdown(AgentContext context) implements AgentMessage {}

    /** A query failed on the agent. */
    record Error(AgentContext context, String message) implements AgentMessage {}

    /** One result row of a query, columns in SELECT order. */
    record Row(String event, AgentContext context, List<BrokerValue> columns) implements AgentMessage {}

    /**
     * Decodes an agent event. Any event outside {@code ZeekAgentAPI::} with a context and a record is a result row
     * (queries name their own result events).
     *
     * @throws BrokerFormatException when the event is unknown or its arguments have the wrong shape
     */
    static AgentMessage of(ZeekEvent event) {
        List<BrokerValue> args = event.args();
        if (args.isEmpty()) {
            throw new BrokerFormatException("event " + event.name() + " without arguments");
        }
        AgentContext context = AgentContext.of(args.get(0));
        return switch (event.name()) {
            case HELLO -> new Hello(context, AgentHello.of(arg(event, 1)));
            case SHUTDOWN -> new Shutdown(context);
            case ERROR -> new Error(context, arg(event, 1).asString());
            default -> {
                if (event.name().startsWith(API_PREFIX) || args.size() != 2) {
                    throw new BrokerFormatException("unknown event " + event.name() + " with " + args.size() + " args");
                }
                yield new Row(event.name(), context, args.get(1).asVector());
            }
        };
    }

    private static BrokerValue arg(ZeekEvent event, int index) {
        if (event.args().size() <= index) {
            throw new BrokerFormatException(event.name() + " needs " + (index + 1) + " arguments");
        }
        return event.args().get(index);
    }
}
