package io.zeekagent.hub.osquery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.ingest.SocketEventIngestService;
import io.zeekagent.hub.ingest.SocketEventInput;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.ResultRouter;
import io.zeekagent.hub.result.RowUpdate;
import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.UpdateType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code /log}: result lines routed by their query name to the subscription, rows of SOCKET_EVENTS subscriptions
 * to ingestion (all of a batch or, when ingestion is full, none of it and a 503 so osquery keeps the batch and sends
 * it again), the others to results storage; status lines of severity ERROR and above to the activity log. A line
 * the hub cannot use is dropped and counted, never the batch: osquery would send a refused batch forever.
 */
@Component
class OsqueryLogs {

    /** How long a batch may wait for room in ingestion before osquery is told to send it again later. */
    static final Duration INGEST_WAIT = Duration.ofSeconds(2);

    private final OsquerySubscriptions subscriptions;
    private final SocketEventIngestService ingest;
    private final ResultRouter results;
    private final ActivityLog activity;
    private final Counter oversized;
    private final Counter unparsable;
    private final Counter unknownQuery;
    private final Counter overloaded;
    private final Counter lines;

    OsqueryLogs(
            OsquerySubscriptions subscriptions,
            SocketEventIngestService ingest,
            ResultRouter results,
            ActivityLog activity,
            MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.ingest = ingest;
        this.results = results;
        this.activity = activity;
        this.oversized = meters.counter("hub.osquery.lines.dropped", "reason", "oversized");
        this.unparsable = meters.counter("hub.osquery.lines.dropped", "reason", "unparsable");
        this.unknownQuery = meters.counter("hub.osquery.lines.dropped", "reason", "unknown_query");
        this.overloaded = meters.counter("hub.osquery.batches.deferred", "reason", "ingest_full");
        this.lines = meters.counter("hub.osquery.lines.received");
    }

    OsqueryAnswer log(String hostId, LogBatch batch) {
        oversized.increment(batch.oversized());
        lines.increment(batch.lines().size());
        if ("status".equals(batch.logType())) {
            status(hostId, batch.lines());
            return OsqueryAnswer.ok();
        }
        if (batch.logType() != null && !"result".equals(batch.logType())) {
            unparsable.increment(batch.lines().size());
            return OsqueryAnswer.ok();
        }
        List<ResultRow> rows = new ArrayList<>();
        for (LogLine line : batch.lines()) {
            if (!ResultLines.rows(line, rows)) {
                unparsable.increment();
            }
        }
        Instant now = Instant.now();
        List<SocketEventInput> events = new ArrayList<>();
        List<AgentRow> stored = new ArrayList<>();
        for (ResultRow row : rows) {
            Optional<OsquerySubscriptions.Target> target = subscriptions.find(ScheduleNames.subscriptionId(row.name()));
            if (target.isEmpty()) {
                unknownQuery.increment();
                continue;
            }
            OsquerySubscriptions.Target t = target.get();
            if (!keeps(t.updateType(), row.update())) {
                continue;
            }
            if (t.kind() == SubscriptionKind.SOCKET_EVENTS) {
                if (row.update() != RowUpdate.REMOVE) {
                    SocketEventInput event = OsquerySocketEvents.map(hostId, row.columns(), row.unixTime());
                    if (event != null) {
                        events.add(event);
                    }
                }
            } else {
                stored.add(new AgentRow(
                        hostId,
                        OsqueryEnrollment.TRANSPORT,
                        row.update(),
                        t.id(),
                        values(t.columns(), row.columns()::get),
                        now));
            }
        }
        if (!ingest.offerFromAgent(events, INGEST_WAIT)) {
            overloaded.increment();
            return OsqueryAnswer.error(503, "the hub is busy storing socket events; keep the batch and retry later");
        }
        stored.forEach(results::accept);
        return OsqueryAnswer.ok();
    }

    /** ADDED subscriptions keep added rows (and snapshots), REMOVED ones removed rows, BOTH everything. */
    private static boolean keeps(UpdateType type, RowUpdate update) {
        return switch (type) {
            case ADDED -> update != RowUpdate.REMOVE;
            case REMOVED -> update != RowUpdate.ADD;
            case BOTH -> true;
        };
    }

    /** The row's values in the subscription's column order ({@code row}: column name → value, null if none). */
    static List<BrokerValue> values(List<String> columns, Function<String, @Nullable JsonNode> row) {
        List<BrokerValue> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            JsonNode v = row.apply(column);
            if (v == null || v.isNull()) {
                values.add(BrokerValue.none());
            } else if (v.isIntegralNumber()) {
                values.add(BrokerValue.integer(v.asLong()));
            } else if (v.isNumber()) {
                values.add(BrokerValue.real(v.asDouble()));
            } else if (v.isBoolean()) {
                values.add(BrokerValue.bool(v.asBoolean()));
            } else {
                values.add(BrokerValue.string(v.isString() ? v.stringValue() : v.toString()));
            }
        }
        return values;
    }

    private void status(String hostId, List<LogLine> statusLines) {
        int logged = 0;
        for (LogLine line : statusLines) {
            if (line.sentAsText) {
                continue;
            }
            Long severity = line.severity;
            if (severity != null && severity >= 2 && logged < 5) {
                logged++;
                activity.record(
                        ActivityLog.SOURCE_HOST,
                        hostId,
                        ActivityLog.Level.WARNING,
                        "osquery: " + line.message + " (" + line.filename + ":" + line.line + ")");
            }
        }
    }
}
