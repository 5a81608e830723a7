package io.zeekagent.hub.agent.sim;

import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Plays N v1 Zeek Agents against a hub over real ZeroMQ, through one connection to the hub's proxy (as Zeek nodes
 * connect: XSUB to its XPUB, XPUB to its XSUB). Agents announce themselves, run the queries they are sent at the
 * requested interval with plausible rows, answer one-shot queries, and disconnect/reconnect on demand. Runs without
 * Spring: {@code java -cp target/classes:<jeromq> io.zeekagent.hub.agent.sim.AgentSimulator --help}
 * (see {@code bin/simulate-agents.sh} and {@code docs/agents.md}).
 */
public final class AgentSimulator implements AutoCloseable {

    private final SimConnection connection;
    private final Map<String, SimulatedAgent> agents = new ConcurrentHashMap<>();
    private final int eventRows;

    /**
     * Connects to a hub's proxy.
     *
     * @param xpubEndpoint the proxy's XPUB ({@code hub.zeromq.xpub-endpoint})
     * @param xsubEndpoint the proxy's XSUB ({@code hub.zeromq.xsub-endpoint})
     * @param serializer {@code broker-bin-v1} or {@code broker-json-v1}
     * @param eventRows rows each run of an event-table query produces per agent
     */
    public AgentSimulator(String xpubEndpoint, String xsubEndpoint, String serializer, int eventRows) {
        this.eventRows = eventRows;
        this.connection = new SimConnection(
                xpubEndpoint,
                xsubEndpoint,
                "zeek_agent_sim_" + ProcessHandle.current().pid() + "_"
                        + UUID.randomUUID().toString().substring(0, 8),
                EventCodec.forName(serializer),
                this::onEvent,
                this::onIdle);
        connection.start();
    }

    /** Connects to a hub's proxy with the default serializer and 3 event rows per run. */
    public AgentSimulator(String xpubEndpoint, String xsubEndpoint) {
        this(xpubEndpoint, xsubEndpoint, "broker-bin-v1", 3);
    }

    /** Starts an agent: it subscribes to its topics and announces itself as soon as the hub listens. */
    public void start(SimHost host) {
        SimulatedAgent agent =
                new SimulatedAgent(host, connection, host.hostId().hashCode(), eventRows);
        if (agents.putIfAbsent(host.hostId(), agent) != null) {
            throw new IllegalArgumentException("agent " + host.hostId() + " already runs");
        }
        connection.execute(agent::connect);
    }

    /**
     * Starts {@code n} agents named {@code <prefix>-<i>} with the given groups, each with a host address in 10/8:
     * the last octet runs 1..254, so no agent announces a network ({@code 10.0.0.0}) or broadcast ({@code .255})
     * address.
     */
    public List<SimHost> startMany(String prefix, int n, List<String> groups) {
        return startMany(prefix, n, groups, 0);
    }

    /**
     * As {@link #startMany(String, int, List)}, the i-th agent taking host address {@code firstAddress + i}: two
     * simulators with different prefixes (e.g. one per hub replica) then announce distinct addresses, which
     * attribution needs to tell their hosts apart.
     */
    public List<SimHost> startMany(String prefix, int n, List<String> groups, int firstAddress) {
        List<SimHost> hosts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SimHost h = new SimHost(
                    prefix + "-" + i, prefix + "-" + i + ".example.net", hostAddress(firstAddress + i), groups);
            start(h);
            hosts.add(h);
        }
        return hosts;
    }

    /** The i-th host address of 10/8 (from 0): 10.0.0.1 … 10.0.0.254, 10.0.1.1 …, never .0 or .255. */
    public static String hostAddress(int i) {
        int subnet = i / 254;
        return "10." + ((subnet >> 8) & 0xff) + "." + (subnet & 0xff) + "." + (1 + i % 254);
    }

    /** The agent loses its connection: its host topic subscription disappears from the proxy, its queries are gone. */
    public void disconnect(String hostId) {
        SimulatedAgent a = agent(hostId);
        connection.execute(a::disconnect);
    }

    /** The agent connects again with a fresh state and re-announces itself. */
    public void reconnect(String hostId) {
        SimulatedAgent a = agent(hostId);
        connection.execute(() -> {
            a.disconnect();
            a.connect();
        });
    }

    /** Whether an agent answers one-shot queries (to test hosts that never answer). */
    public void answersExecute(String hostId, boolean answers) {
        agent(hostId).answersExecute(answers);
    }

    /** Whether the agent has announced itself since it last connected. */
    public boolean isAnnounced(String hostId) {
        return agent(hostId).isAnnounced();
    }

    /** Cookies of the queries the agent runs now. */
    public Set<String> runningCookies(String hostId) {
        return agent(hostId).runningCookies();
    }

    /** Every event the agent received since it started, oldest first. */
    public List<ZeekEvent> received(String hostId) {
        return agent(hostId).received();
    }

    /** Rows sent by all agents. */
    public long rowsSent() {
        return agents.values().stream().mapToLong(SimulatedAgent::rowsSent).sum();
    }

    /** Events received by all agents. */
    public long eventsReceived() {
        return agents.values().stream().mapToLong(SimulatedAgent::receivedCount).sum();
    }

    /** Publishes anything, as a misbehaving peer would (malformed-input tests). */
    public void publish(String topic, ZeekEvent event) {
        connection.publish(topic, event);
    }

    private SimulatedAgent agent(String hostId) {
        SimulatedAgent a = agents.get(hostId);
        if (a == null) {
            throw new IllegalArgumentException("no agent " + hostId);
        }
        return a;
    }

    private void onEvent(String topic, ZeekEvent event) {
        String hostPrefix = SimulatedAgent.PREFIX + "/host/";
        if (topic.startsWith(hostPrefix)) {
            SimulatedAgent a = agents.get(topic.substring(hostPrefix.length()));
            if (a != null) {
                a.onEvent(event);
            }
        } else if (topic.equals(SimulatedAgent.PREFIX + "/hosts")) {
            agents.values().forEach(a -> a.onEvent(event));
        } else if (topic.startsWith(SimulatedAgent.PREFIX + "/group/")) {
            String group = topic.substring((SimulatedAgent.PREFIX + "/group/").length());
            agents.values().stream()
                    .filter(a -> a.host().groups().contains(group))
                    .forEach(a -> a.onEvent(event));
        }
    }

    private void onIdle() {
        long now = System.currentTimeMillis();
        for (SimulatedAgent a : agents.values()) {
            a.onIdle(now);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Runs agents against a hub until interrupted; {@code --help} lists the options. */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> o = new HashMap<>(Map.of(
                "xpub", "tcp://127.0.0.1:27760",
                "xsub", "tcp://127.0.0.1:27761",
                "agents", "3",
                "prefix", "sim-host",
                "groups", "linux",
                "serializer", "broker-bin-v1",
                "event-rows", "3",
                "first-address", "0"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || !args[i].startsWith("--") || i + 1 >= args.length) {
                System.out.println("Usage: AgentSimulator [--xpub tcp://127.0.0.1:27760] [--xsub tcp://127.0.0.1:27761]"
                        + " [--agents 3] [--prefix sim-host] [--groups linux,dmz] [--serializer broker-bin-v1]"
                        + " [--event-rows 3] [--first-address 0]");
                return;
            }
            o.put(args[i].substring(2), args[++i]);
        }
        List<String> groups = o.get("groups").isBlank()
                ? List.of()
                : Arrays.asList(o.get("groups").split(","));
        AgentSimulator sim = new AgentSimulator(
                o.get("xpub"), o.get("xsub"), o.get("serializer"), Integer.parseInt(o.get("event-rows")));
        List<SimHost> hosts = sim.startMany(
                o.get("prefix"), Integer.parseInt(o.get("agents")), groups, Integer.parseInt(o.get("first-address")));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        System.out.println(
                "Simulating " + hosts.size() + " agents (" + hosts.get(0).hostId() + " ...) against " + o.get("xpub")
                        + " / " + o.get("xsub") + "; Ctrl-C to stop");
        while (!stop.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            long announced =
                    hosts.stream().filter(h -> sim.isAnnounced(h.hostId())).count();
            System.out.println(announced + "/" + hosts.size() + " agents announced, " + sim.eventsReceived()
                    + " commands received, " + sim.rowsSent() + " rows sent");
        }
    }
}
