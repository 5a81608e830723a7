package io.zeekagent.hub.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.DataMessage;
import io.zeekagent.hub.broker.JsonV1;
import io.zeekagent.hub.broker.ZeekEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link AgentMessage}: decoding what v2 agents send (§2.5). */
class AgentMessageTests {

    /** The result example of agent-protocols.md §2.5, verbatim. */
    private static final String SOCKETS_ROW =
            "{\"type\":\"data-message\",\"topic\":\"/zeek-agent/response/zeek_Ab12/HxYz\","
                    + "\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"count\",\"data\":1},{\"@data-type\":\"count\",\"data\":1},"
                    + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"string\",\"data\":\"ZeekAgent_Sockets::query_result\"},"
                    + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"vector\",\"data\":["
                    + "{\"@data-type\":\"string\",\"data\":\"HxYz\"},{\"@data-type\":\"timestamp\",\"data\":\"2025-04-21T15:51:46.000\"},"
                    + "{\"@data-type\":\"string\",\"data\":\"za_Qw9\"},{\"@data-type\":\"enum-value\",\"data\":\"ZeekAgent::Add\"},"
                    + "{\"@data-type\":\"none\",\"data\":{}}]},{\"@data-type\":\"vector\",\"data\":["
                    + "{\"@data-type\":\"count\",\"data\":72892},{\"@data-type\":\"string\",\"data\":\"zeek\"},"
                    + "{\"@data-type\":\"string\",\"data\":\"IPv4\"},{\"@data-type\":\"count\",\"data\":17},"
                    + "{\"@data-type\":\"address\",\"data\":\"192.168.7.212\"},{\"@data-type\":\"count\",\"data\":65059},"
                    + "{\"@data-type\":\"address\",\"data\":\"1.1.1.2\"},{\"@data-type\":\"count\",\"data\":53},"
                    + "{\"@data-type\":\"none\",\"data\":{}}]}]}]}]}";

    @Test
    void decodesTheResultRowOfTheSpec() {
        DataMessage message = JsonV1.decodeDataMessage(SOCKETS_ROW);

        AgentMessage decoded = AgentMessage.of(ZeekEvent.fromBroker(message.value()));

        assertThat(decoded).isInstanceOf(AgentMessage.Row.class);
        AgentMessage.Row row = (AgentMessage.Row) decoded;
        assertThat(row.event()).isEqualTo("ZeekAgent_Sockets::query_result");
        assertThat(row.context())
                .isEqualTo(
                        new AgentContext("HxYz", Instant.parse("2025-04-21T15:51:46Z"), "za_Qw9", V2Change.ADD, null));
        assertThat(row.columns()).hasSize(9);
        assertThat(row.columns().get(4).asAddress().toString()).isEqualTo("192.168.7.212");
        assertThat(V2Topics.agentIdOf(message.topic())).isEqualTo("HxYz");
    }

    @Test
    void decodesTheThirteenFieldHelloOfAgent23() {
        AgentMessage decoded = AgentMessage.of(SimulatedAgentEvents.hello("H1", "agent_hello_x", true));

        AgentHello hello = ((AgentMessage.Hello) decoded).hello();
        assertThat(hello.agentId()).isEqualTo("H1");
        assertThat(hello.hostname()).isEqualTo("host-H1");
        assertThat(hello.addresses()).containsExactly("10.0.0.1");
        assertThat(hello.broker()).isEqualTo("n/a");
        assertThat(hello.uptime()).isEqualTo(Duration.ofSeconds(42));
        assertThat(hello.tables()).contains("sockets", "sockets_events", "zeek_agent");
        assertThat(hello.versionText()).isEqualTo("2.3.0-19");
        assertThat(decoded.context().queryId()).isEqualTo("agent_hello_x");
    }

    @Test
    void decodesTheTwelveFieldHelloOfAgent24ByTypeNotPosition() {
        AgentHello hello = ((AgentMessage.Hello)
                        AgentMessage.of(SimulatedAgentEvents.hello("H2", "agent_hello_y", false)))
                .hello();

        assertThat(hello.broker()).isNull();
        assertThat(hello.uptime()).isEqualTo(Duration.ofSeconds(42));
        assertThat(hello.tables()).contains("sockets");
    }

    @Test
    void decodesErrorsAndShutdown() {
        AgentContext context = new AgentContext("H1", null, "za_1", V2Change.NONE, "cookie");
        ZeekEvent error = ZeekEvent.of(
                AgentMessage.ERROR,
                SimulatedAgentEvents.context(context),
                BrokerValue.string("could not compile query"));
        ZeekEvent shutdown = ZeekEvent.of(AgentMessage.SHUTDOWN, SimulatedAgentEvents.context(context));

        assertThat(AgentMessage.of(error)).isEqualTo(new AgentMessage.Error(context, "could not compile query"));
        assertThat(AgentMessage.of(shutdown)).isEqualTo(new AgentMessage.Shutdown(context));
    }

    @Test
    void rejectsUnknownApiEventsAndMalformedContexts() {
        BrokerValue context = SimulatedAgentEvents.context(new AgentContext("H1", null, null, V2Change.NONE, null));

        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> AgentMessage.of(ZeekEvent.of("ZeekAgentAPI::agent_bogus_v1", context)));
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() ->
                        AgentMessage.of(ZeekEvent.of("Some::result", BrokerValue.count(1), BrokerValue.vector())));
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> AgentMessage.of(ZeekEvent.of(
                        "Some::result",
                        BrokerValue.vector(
                                BrokerValue.string("H"),
                                BrokerValue.none(),
                                BrokerValue.none(),
                                BrokerValue.enumValue("ZeekAgent::Sideways")),
                        BrokerValue.vector())));
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() ->
                        AgentMessage.of(ZeekEvent.of(AgentMessage.HELLO, context, BrokerValue.vector(List.of()))));
    }
}
