package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs simulated Zeek Agent v2 instances against a hub until interrupted (see docs/websocket.md): each agent has a
 * few listening {@code sockets} and a new outbound connection in {@code sockets_events} every second, says hello
 * every 60 s and runs what the hub installs on its schedule.
 *
 * <p>Arguments: {@code <ws-url> [agents=1] [id-prefix=Hsim]}, e.g. {@code ws://localhost:9997 3}.
 */
final class V2AgentSimulatorMain {

    private V2AgentSimulatorMain() {}

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args.length > 0 ? args[0] : "ws://localhost:9997");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String prefix = args.length > 2 ? args[2] : "Hsim";
        List<V2AgentSimulator> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String address = "10.77.0." + (i + 1);
            V2AgentSimulator agent = new V2AgentSimulator(
                    uri, prefix + i, SimulatedAgentOptions.defaults("sim-" + i + ".example.net", address));
            agent.table(
                    "sockets",
                    List.of(
                            WebSocketAgentsIntegrationTests.socket(100 + i, "sshd", 22),
                            WebSocketAgentsIntegrationTests.socket(200 + i, "nginx", 443)));
            agents.add(agent.connect());
            System.out.println("connected " + agent.agentId() + " (" + address + ") to " + uri);
        }
        List<List<List<BrokerValue>>> events = new ArrayList<>();
        agents.forEach(a -> events.add(new ArrayList<>()));
        for (long second = 0; ; second++) {
            for (int i = 0; i < agents.size(); i++) {
                List<List<BrokerValue>> recent = events.get(i);
                recent.add(connectEvent("10.77.0." + (i + 1), 40000 + (int) (second % 20000)));
                if (recent.size() > 300) {
                    recent.remove(0);
                }
                agents.get(i).table("sockets_events", List.copyOf(recent));
                agents.get(i).runDueQueries();
            }
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        }
    }

    /** An established outbound TCP connection from the agent's address to 192.0.2.10:443. */
    static List<BrokerValue> connectEvent(String local, int localPort) {
        return List.of(
                BrokerValue.timestamp(Instant.now()),
                BrokerValue.count(4242),
                BrokerValue.string("curl"),
                BrokerValue.count(1000),
                BrokerValue.count(1000),
                BrokerValue.string("IPv4"),
                BrokerValue.count(6),
                BrokerValue.address(local),
                BrokerValue.count(localPort),
                BrokerValue.address("192.0.2.10"),
                BrokerValue.count(443),
                BrokerValue.string("established"));
    }
}
