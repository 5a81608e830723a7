package io.zeekagent.hub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes audit events to the {@code audit} logger, so the trail exists even where no activity log is wired. */
@Component
class LoggingAuditSink implements AuditSink {

    private static final Logger log = LoggerFactory.getLogger("audit");

    @Override
    public void record(AuditEvent event) {
        log.info("{} from {}", event.describe(), event.clientAddress());
    }
}
