package io.zeekagent.hub.agent.sim;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * One v1 agent (agent-protocols §1.3–§1.6): subscribes to its topics, announces itself with the 7-argument
 * {@code host_new}, schedules {@code host_subscribe} queries (first run one interval later, differential
 * ADD/REMOVE), forgets them on {@code host_unsubscribe}, answers {@code host_execute} with SNAPSHOT rows (the real
 * agent's one-shot path is broken; the simulator does what it was meant to do), and follows joins and leaves.
 * Everything runs on the connection's thread.
 */
final class SimulatedAgent {

    static final String PREFIX = "/zeek/zeek-agent";

    private final SimHost host;
    private final SimConnection connection;
    private final Random random;
    private final int eventRows;
    private final Map<String, Scheduled> scheduled = new ConcurrentHashMap<>();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final List<ZeekEvent> received = new CopyOnWriteArrayList<>();
    private volatile boolean connected;
    private volatile boolean announcePending;
    private volatile boolean answersExecute = true;
    private volatile long rowsSent;
    private volatile long receivedCount;

    SimulatedAgent(SimHost host, SimConnection connection, long seed, int eventRows) {
        this.host = host;
        this.connection = connection;
        this.random = new Random(seed);
        this.eventRows = eventRows;
    }

    SimHost host() {
        return host;
    }

    /** Subscribes to its topics and announces itself once the hub listens; on the connection thread. */
    void connect() {
        scheduled.clear();
        groups.clear();
        groups.addAll(host.groups());
        connection.subscribe(PREFIX + "/host/" + host.hostId());
        connection.subscribe(PREFIX + "/hosts");
        groups.forEach(g -> connection.subscribe(PREFIX + "/group/" + g));
        connected = true;
        announcePending = true;
    }

    /** Withdraws its subscriptions and forgets its queries, as an agent that lost its connection. */
    void disconnect() {
        if (!connected) {
            return;
        }
        connected = false;
        announcePending = false;
        connection.unsubscribe(PREFIX + "/host/" + host.hostId());
        connection.unsubscribe(PREFIX + "/hosts");
        groups.forEach(g -> connection.unsubscribe(PREFIX + "/group/" + g));
        scheduled.clear();
    }

    void onEvent(ZeekEvent e) {
        if (!connected) {
            return;
        }
        received.add(e);
        receivedCount++;
        List<BrokerValue> a = e.args();
        try {
            switch (e.name()) {
                case "ZeekAgent::host_subscribe" -> {
                    Scheduled s = Scheduled.from(a, System.currentTimeMillis());
                    scheduled.putIfAbsent(s.key(), s);
                }
                case "ZeekAgent::host_unsubscribe" ->
                    scheduled.remove(Scheduled.from(a, 0).key());
                case "ZeekAgent::host_execute" -> {
                    if (answersExecute
                            && a.size() == 5
                            && "SNAPSHOT".equals(a.get(4).asString())) {
                        SimQuery q = SimQuery.parse(a.get(1).asString());
                        for (List<BrokerValue> row : SimRows.rows(q, host, random, now(), eventRows)) {
                            send(
                                    a.get(3).asString(),
                                    a.get(0).asString(),
                                    "ZeekAgent::SNAPSHOT",
                                    a.get(2).asString(),
                                    row);
                        }
                    }
                }
                case "ZeekAgent::host_join" -> {
                    String g = a.get(0).asString();
                    if (groups.add(g)) {
                        connection.subscribe(PREFIX + "/group/" + g);
                    }
                }
                case "ZeekAgent::host_leave" -> {
                    String g = a.get(0).asString();
                    if (groups.remove(g)) {
                        connection.unsubscribe(PREFIX + "/group/" + g);
                    }
                }
                default -> {
                    // Not for agents (another node's traffic on a shared prefix).
                }
            }
        } catch (RuntimeException ex) {
            // The real agent logs and ignores an event it cannot parse.
        }
    }

    void onIdle(long nowMillis) {
        if (!connected) {
            return;
        }
        if (announcePending && connection.hasSubscriber(PREFIX + "/host_announce")) {
            announcePending = false;
            connection.publish(PREFIX + "/host_announce", announcement());
        }
        for (Scheduled s : scheduled.values()) {
            if (nowMillis >= s.nextRunMillis) {
                s.nextRunMillis += s.intervalSeconds * 1000;
                run(s);
            }
        }
    }

    ZeekEvent announcement() {
        return ZeekEvent.of(
                "ZeekAgent::host_new",
                BrokerValue.string("SIM" + Integer.toHexString(host.hostId().hashCode()) + "#"
                        + ProcessHandle.current().pid()),
                BrokerValue.string(host.hostname()),
                BrokerValue.string(host.hostId()),
                BrokerValue.vector(
                        host.groups().stream().map(BrokerValue::string).toList()),
                BrokerValue.string("1.1.0"),
                BrokerValue.string("standalone"),
                BrokerValue.vector(BrokerValue.string(host.address())));
    }

    boolean isConnected() {
        return connected;
    }

    boolean isAnnounced() {
        return connected && !announcePending;
    }

    void answersExecute(boolean answers) {
        this.answersExecute = answers;
    }

    /** The cookies of the queries it runs now. */
    Set<String> runningCookies() {
        Set<String> cookies = new HashSet<>();
        scheduled.values().forEach(s -> cookies.add(s.cookie));
        return cookies;
    }

    List<ZeekEvent> received() {
        return List.copyOf(received);
    }

    long rowsSent() {
        return rowsSent;
    }

    long receivedCount() {
        return receivedCount;
    }

    private void run(Scheduled s) {
        SimQuery q = SimQuery.parse(s.query);
        Set<List<BrokerValue>> now = new HashSet<>(SimRows.rows(q, host, random, now(), eventRows));
        boolean first = s.previous == null;
        for (List<BrokerValue> row : now) {
            if ((first || !s.previous.contains(row)) && (first || !s.utype.equals("REMOVED"))) {
                send(s.resT, s.ev, "ZeekAgent::ADD", s.cookie, row);
            }
        }
        if (!first && !s.utype.equals("ADDED")) {
            for (List<BrokerValue> row : s.previous) {
                if (!now.contains(row)) {
                    send(s.resT, s.ev, "ZeekAgent::REMOVE", s.cookie, row);
                }
            }
        }
        s.previous = now;
    }

    private void send(String resT, String ev, String utype, String cookie, List<BrokerValue> row) {
        List<BrokerValue> args = new ArrayList<>(row.size() + 1);
        args.add(BrokerValue.vector(
                BrokerValue.string(host.hostId()), BrokerValue.enumValue(utype), BrokerValue.string(cookie)));
        args.addAll(row);
        connection.publish(resT, new ZeekEvent(ev, args, null));
        rowsSent++;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** A scheduled query, keyed as the agent keys it: query + response topic + cookie. */
    private static final class Scheduled {
        final String ev;
        final String query;
        final String cookie;
        final String resT;
        final String utype;
        final long intervalSeconds;
        long nextRunMillis;

        @Nullable
        Set<List<BrokerValue>> previous;

        private Scheduled(String ev, String query, String cookie, String resT, String utype, long interval, long now) {
            this.ev = ev;
            this.query = query;
            this.cookie = cookie;
            this.resT = resT;
            this.utype = utype;
            this.intervalSeconds = Math.max(1, interval);
            this.nextRunMillis = now + this.intervalSeconds * 1000;
        }

        static Scheduled from(List<BrokerValue> a, long now) {
            if (a.size() != 6) {
                throw new IllegalArgumentException("expected 6 arguments");
            }
            return new Scheduled(
                    a.get(0).asString(),
                    a.get(1).asString(),
                    a.get(2).asString(),
                    a.get(3).asString(),
                    a.get(4).asString(),
                    a.get(5).asCount(),
                    now);
        }

        String key() {
            return query + resT + cookie;
        }
    }
}
