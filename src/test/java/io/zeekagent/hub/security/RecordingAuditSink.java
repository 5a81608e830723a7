package io.zeekagent.hub.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit events in memory so tests can assert on them. */
final class RecordingAuditSink implements AuditSink {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    List<AuditEvent> events() {
        return List.copyOf(events);
    }
}
