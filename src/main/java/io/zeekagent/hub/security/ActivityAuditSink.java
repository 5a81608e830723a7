package io.zeekagent.hub.security;

import io.zeekagent.hub.activity.ActivityLog;
import org.springframework.stereotype.Component;

/**
 * Writes audit events to the activity log with source {@value #SOURCE}, so they land in the zeek-agent.log file and
 * are queryable at {@code /api/v1/activity?source=audit}. Refused requests are warnings.
 */
@Component
class ActivityAuditSink implements AuditSink {

    static final String SOURCE = "audit";

    private final ActivityLog activity;

    ActivityAuditSink(ActivityLog activity) {
        this.activity = activity;
    }

    @Override
    public void record(AuditEvent event) {
        activity.record(
                SOURCE,
                event.clientAddress(),
                event.succeeded() ? ActivityLog.Level.INFO : ActivityLog.Level.WARNING,
                event.describe());
    }
}
