package io.zeekagent.hub.osquery;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.dispatch.SubscriptionCommand;
import io.zeekagent.hub.subscription.AgentTables;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /config}: the osquery configuration of one host, built from what dispatch delivered to it. Its
 * {@code schedule} holds one query per subscription (see {@link ScheduleNames}), {@code removed} from the update
 * type (ADDED → false; BOTH and REMOVED → true, the hub drops REMOVED's added rows), {@code platform} for tables
 * only some platforms have; its {@code options} set the polling periods and the event log format the hub reads.
 */
@Component
class OsqueryConfigs {

    /** Tables osquery has only on some platforms: the query would otherwise fail (and log) on the others. */
    private static final Map<String, String> PLATFORMS = Map.of(
            "socket_events", "linux,darwin",
            "process_events", "linux,darwin",
            "process_file_events", "linux",
            "file_events", "linux,darwin");

    private final OsqueryProperties properties;
    private final ActivityLog activity;

    OsqueryConfigs(OsqueryProperties properties, ActivityLog activity) {
        this.properties = properties;
        this.activity = activity;
    }

    OsqueryAnswer config(OsqueryHostState host) {
        ObjectNode config = build(host);
        byte[] bytes = OsqueryAnswer.JSON.writeValueAsBytes(config);
        if (bytes.length > properties.maxConfigBytes()) {
            String error = "config of " + bytes.length + " bytes is over hub.osquery.max-config-bytes ("
                    + properties.maxConfigBytes() + "; osquery refuses more than 1 MiB): not sent, the host keeps"
                    + " its previous config. Fewer or shorter subscriptions for this host fix it.";
            if (host.newConfigError(error)) {
                activity.record(ActivityLog.SOURCE_HOST, host.hostId(), ActivityLog.Level.ERROR, error);
            }
            return OsqueryAnswer.error(500, error);
        }
        host.newConfigError(null);
        return OsqueryAnswer.ok(config);
    }

    ObjectNode build(OsqueryHostState host) {
        ObjectNode config = OsqueryAnswer.JSON.createObjectNode();
        ObjectNode options = config.putObject("options");
        options.put("disable_distributed", false);
        options.put(
                "distributed_interval",
                Math.max(1, properties.distributedInterval().toSeconds()));
        options.put(
                "logger_tls_period", Math.max(1, properties.loggerTlsPeriod().toSeconds()));
        options.put("logger_event_type", true);
        options.put("logger_snapshot_event_type", false);
        ObjectNode schedule = config.putObject("schedule");
        host.schedule().stream()
                .sorted(Comparator.comparing(SubscriptionCommand::subscriptionId))
                .forEach(c -> schedule.set(ScheduleNames.of(c.subscriptionId(), c.query()), entry(c)));
        return config;
    }

    private static ObjectNode entry(SubscriptionCommand c) {
        ObjectNode e = OsqueryAnswer.JSON.createObjectNode();
        e.put("query", c.query());
        e.put("interval", Math.max(1, Math.min(604_800, c.intervalSeconds())));
        e.put("removed", !"ADDED".equals(c.updateType()));
        e.put("snapshot", false);
        String platform = platform(c.query());
        if (platform != null) {
            e.put("platform", platform);
        }
        return e;
    }

    private static @org.jspecify.annotations.Nullable String platform(String sql) {
        Set<String> tables;
        try {
            tables = AgentTables.tablesRead(sql);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (String table : tables) {
            String platform = PLATFORMS.get(table);
            if (platform != null) {
                return platform;
            }
        }
        return null;
    }
}
