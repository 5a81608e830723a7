package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.ZeekEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The hub's periodic duties towards v2 agents: {@code zeek_hello_v1} to every agent each hello interval (so no
 * agent expires the hub as a Zeek instance and drops its queries), closing connections of agents silent for the
 * agent timeout, forgetting one-shot queries after a while, and {@code zeek_shutdown_v1} when the hub stops.
 * Starts after and stops before the WebSocket server.
 */
@Component
class V2HelloTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(V2HelloTicker.class);
    private static final Duration ONE_SHOT_RETENTION = Duration.ofMinutes(10);

    private final V2Sessions sessions;
    private final WebSocketProperties properties;
    private final String version;
    private volatile @Nullable ScheduledExecutorService timer;

    V2HelloTicker(V2Sessions sessions, WebSocketProperties properties, WebSocketHub hub) {
        this.sessions = sessions;
        this.properties = properties;
        this.version = hub.version();
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "websocket-v2-hello");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.helloInterval().toMillis();
        started.scheduleAtFixedRate(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
        timer = started;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = timer;
        if (running != null) {
            running.shutdownNow();
            timer = null;
            sessions.send(V2Topics.GROUP_ALL, HubEvents.zeekShutdown(sessions.zeekInstance()));
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public int getPhase() {
        return WebSocketServerLifecycle.PHASE + 1;
    }

    /** One round: hello to all, expire silent agents, forget old one-shot queries. */
    void tick() {
        ZeekEvent hello = HubEvents.zeekHello(sessions.zeekInstance(), version, HubEvents.versionNumber(version));
        sessions.send(V2Topics.GROUP_ALL, hello);
        Instant now = Instant.now();
        Instant silentSince = now.minus(properties.agentTimeout());
        Instant oneShotsBefore = now.minus(ONE_SHOT_RETENTION);
        for (V2Session session : sessions.all()) {
            if (session.lastHello().isBefore(silentSince)) {
                log.info("Closing v2 agent {}: no hello since {}", session.agentId(), session.lastHello());
                session.peer().close(1000, "no hello for " + properties.agentTimeout());
            }
            session.queries()
                    .values()
                    .removeIf(q -> q.oneShot() && q.installedAt().isBefore(oneShotsBefore));
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("v2 hello tick failed", e);
        }
    }
}
