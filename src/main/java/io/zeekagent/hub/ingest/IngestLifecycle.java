package io.zeekagent.hub.ingest;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the agent-row writer: starts it after the attribution index is rebuilt and stops it late, after the
 * bridge and the web server, so every buffered row is committed on a graceful shutdown.
 */
@Component
class IngestLifecycle implements SmartLifecycle {

    /** Just after the attribution index lifecycle (phase -1000). */
    static final int PHASE = -900;

    private final SocketEventIngestService service;
    private volatile boolean running;

    IngestLifecycle(SocketEventIngestService service) {
        this.service = service;
    }

    @Override
    public void start() {
        service.writer().start();
        running = true;
    }

    @Override
    public void stop() {
        service.writer().stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
