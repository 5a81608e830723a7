package io.zeekagent.hub.security;

/** Where audit events go; the activity log in production. Implementations must not throw. */
interface AuditSink {

    void record(AuditEvent event);
}
