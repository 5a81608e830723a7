package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.JsonV1;
import io.zeekagent.hub.broker.ZeekEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.jspecify.annotations.Nullable;

/**
 * A Zeek Agent v2 over a real WebSocket, behaving as the agent's source does (§2.3–2.7): subscription array and
 * an immediate hello on open, hello every interval, queries installed and cancelled per Zeek instance, results
 * with each mode's semantics, {@code agent_error_v1} for a query it cannot compile, a new hello id on every
 * reconnect, {@code agent_shutdown_v1} on stop. Table contents are whatever the test puts in.
 */
final class V2AgentSimulator implements AutoCloseable {

    private final URI uri;
    private final String agentId;
    private final SimulatedAgentOptions options;
    private final Map<String, List<List<BrokerValue>>> tables = new ConcurrentHashMap<>();
    private final Map<String, SimulatedQuery> queries = new ConcurrentHashMap<>();
    private final Set<String> zeekInstances = ConcurrentHashMap.newKeySet();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<ZeekEvent> events = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "v2-agent-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable Connection connection;
    private volatile @Nullable ScheduledFuture<?> helloTask;
    private volatile String helloQueryId = newHelloId();

    V2AgentSimulator(URI uri, String agentId, SimulatedAgentOptions options) {
        this.uri = uri;
        this.agentId = agentId;
        this.options = options;
    }

    String agentId() {
        return agentId;
    }

    /** Connects, subscribes, says hello right away (not waiting for the ack) and then every hello interval. */
    V2AgentSimulator connect() throws InterruptedException {
        Connection opened = new Connection(uri.resolve(WebSocketHub.PATH));
        connection = opened;
        if (!opened.connectBlocking(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("simulated agent could not connect to " + uri);
        }
        long every = options.helloInterval().toMillis();
        helloTask = timer.scheduleAtFixedRate(this::sendHello, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Drops the connection without a shutdown and connects again: all queries lost, a new hello query id. */
    void reconnect() throws InterruptedException {
        disconnect();
        helloQueryId = newHelloId();
        connect();
    }

    /** Says {@code agent_shutdown_v1} (best effort, as the agent) and closes. */
    void shutdown() throws InterruptedException {
        publish(V2Topics.responseAll(agentId), SimulatedAgentEvents.shutdown(agentId));
        disconnect();
    }

    /** Replaces a table's rows; each row has the table's columns in schema order. */
    void table(String table, List<List<BrokerValue>> rows) {
        SimulatedTables.columns(table);
        tables.put(table, List.copyOf(rows));
    }

    /** Runs every scheduled query once now, as if its interval had passed. */
    void runScheduledQueries() {
        queries.values().forEach(this::execute);
    }

    Set<String> installedQueryIds() {
        return Set.copyOf(queries.keySet());
    }

    /** Every text message received (acks, errors, data messages), in order. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** Every Zeek event received, in order. */
    List<ZeekEvent> events() {
        return List.copyOf(events);
    }

    boolean isOpen() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    void send(String text) {
        Connection current = connection;
        if (current != null) {
            current.send(text);
        }
    }

    @Override
    public void close() throws InterruptedException {
        disconnect();
        timer.shutdownNow();
    }

    private void disconnect() throws InterruptedException {
        ScheduledFuture<?> task = helloTask;
        if (task != null) {
            task.cancel(false);
        }
        Connection current = connection;
        if (current != null) {
            current.closeBlocking();
        }
        connection = null;
        queries.clear();
        zeekInstances.clear();
    }

    private void sendHello() {
        publish(
                V2Topics.responseAll(agentId),
                SimulatedAgentEvents.hello(
                        agentId,
                        helloQueryId,
                        options.withBroker(),
                        options.hostname(),
                        options.addresses(),
                        options.tables()));
    }

    private List<String> subscriptions() {
        List<String> topics = new ArrayList<>();
        topics.add(V2Topics.host(agentId));
        for (String group : List.of("all", "linux")) {
            topics.add(V2Topics.group(group));
            topics.add(V2Topics.QUERY_PREFIX + "group/" + agentId + "/" + group);
        }
        return topics;
    }

    private void onMessage(String text) {
        received.add(text);
        if (!text.startsWith("{\"type\":\"data-message\"")) {
            return;
        }
        ZeekEvent event;
        try {
            event = ZeekEvent.fromBroker(JsonV1.decodeDataMessage(text).value());
        } catch (RuntimeException ignoredLikeTheAgent) {
            return;
        }
        events.add(event);
        List<BrokerValue> args = event.args();
        if (args.isEmpty() || !(args.get(0).type() == io.zeekagent.hub.broker.BrokerType.STRING)) {
            return;
        }
        String instance = args.get(0).asString();
        zeekInstances.add(instance);
        switch (event.name()) {
            case HubEvents.INSTALL_QUERY -> install(instance, args);
            case HubEvents.CANCEL_QUERY -> {
                if (args.size() == 2) {
                    queries.remove(args.get(1).asString());
                }
            }
            case HubEvents.ZEEK_SHUTDOWN -> queries.values().removeIf(q -> q.zeekInstance.equals(instance));
            default -> {}
        }
    }

    private void install(String instance, List<BrokerValue> args) {
        if (args.size() != 3 || args.get(2).asVector().size() != 7) {
            return;
        }
        String queryId = args.get(1).asString();
        if (queries.containsKey(queryId)) {
            return;
        }
        SimulatedInstall.parse(instance, queryId, args.get(2).asVector(), options.tables())
                .ifPresent(outcome -> {
                    if (outcome.error() != null) {
                        publish(
                                V2Topics.response(instance, agentId),
                                SimulatedAgentEvents.error(agentId, queryId, outcome.cookie(), outcome.error()));
                    } else if (outcome.query() != null) {
                        SimulatedQuery query = outcome.query();
                        if (!query.oneShot()) {
                            queries.put(queryId, query);
                        }
                        execute(query);
                    }
                });
    }

    private void execute(SimulatedQuery query) {
        String topic = V2Topics.response(query.zeekInstance, agentId);
        for (SimulatedQuery.Change change : query.run(tables.getOrDefault(query.table, List.of()))) {
            BrokerValue context = SimulatedAgentEvents.context(new AgentContext(
                    agentId, SimulatedAgentEvents.now(), query.queryId, change.change(), query.cookie));
            publish(topic, ZeekEvent.of(query.event, context, BrokerValue.vector(change.row())));
        }
    }

    private void publish(String topic, ZeekEvent event) {
        Connection current = connection;
        if (current != null && current.isOpen()) {
            current.send(JsonV1.encodeDataMessage(topic, event.toBroker()));
        }
    }

    private static String newHelloId() {
        return "agent_hello_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** One WebSocket connection of the agent; a reconnect opens a new one. */
    private final class Connection extends WebSocketClient {

        Connection(URI uri) {
            super(uri);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            send(WebSocketJsonArrays.of(subscriptions()));
            sendHello();
        }

        @Override
        public void onMessage(String message) {
            V2AgentSimulator.this.onMessage(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            queries.clear();
            zeekInstances.clear();
        }

        @Override
        public void onError(Exception error) {}
    }
}
