package io.zeekagent.hub.zeromq;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/** The threads and sockets of one start/stop cycle of the {@link ZeromqBridge}. */
final class BridgeSession {

    // Logs under the bridge's name: it is part of the bridge, and log settings name the bridge.
    private static final Logger log = LoggerFactory.getLogger(ZeromqBridge.class);

    private final ZContext context;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Nullable
    ProxyEndpoints endpoints;

    @Nullable
    InboundDispatcher dispatcher;

    @Nullable
    HubNode node;

    @Nullable
    ZapHandler zap;

    BridgeSession(ZContext context) {
        this.context = context;
    }

    HubNode node() {
        HubNode started = node;
        if (started == null) {
            throw new IllegalStateException("ZeroMQ bridge is starting");
        }
        return started;
    }

    void run(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Stops the threads in data-flow order, then closes the context; bounded by linger plus a grace period. */
    void shutDown(Duration linger) {
        Duration grace = linger.plusSeconds(2);
        if (node != null) {
            node.stop();
        }
        if (dispatcher != null) {
            dispatcher.stop();
        }
        for (Thread thread : threads) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("ZeroMQ thread {} did not stop within {}", thread.getName(), grace);
            }
        }
        if (zap != null) {
            zap.close(grace);
        }
        if (!Sockets.closeWithin(context, grace)) {
            log.warn("ZeroMQ context did not terminate within {} (a socket was left open); abandoned", grace);
        }
    }
}
