package io.zeekagent.hub.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code spool}: DEGRADED (answered with HTTP 200, see application.properties)
 * while any stream holds rows in its disk spool, that is during and just after a database outage; UP otherwise.
 */
@Component("spool")
class SpoolHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "rows wait in the disk spool for the database");

    private final DurableWriters writers;

    SpoolHealthIndicator(DurableWriters writers) {
        this.writers = writers;
    }

    @Override
    public Health health() {
        boolean spooling = false;
        Map<String, Object> streams = new LinkedHashMap<>();
        for (DurableWriter<?> writer : writers.writers()) {
            long bytes = writer.spoolBytes();
            spooling |= bytes > 0;
            streams.put(writer.stream(), Map.of("spoolBytes", bytes, "queued", writer.queued()));
        }
        return Health.status(spooling ? DEGRADED : Status.UP)
                .withDetail("streams", streams)
                .withDetail("usedBytes", writers.budget().used())
                .withDetail("maxBytes", writers.budget().max())
                .build();
    }
}
