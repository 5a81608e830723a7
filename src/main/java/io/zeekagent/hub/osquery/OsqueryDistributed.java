package io.zeekagent.hub.osquery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.host.AgentAnnouncement;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.net.IpAddresses;
import io.zeekagent.hub.query.OneShotQueryService;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.ResultRouter;
import io.zeekagent.hub.result.RowUpdate;
import io.zeekagent.hub.subscription.QueryAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /distributed/read} and {@code /distributed/write}: one-shot queries and the hub's own address query go to
 * the host on its next read ({@code accelerate}, an integer, while any is unanswered, so the host polls every 5 s);
 * answers come back all at once per query: its rows ({@code ""} or {@code []} when none), its status (0 = ok, any
 * other code = failed, with the text from {@code messages}).
 */
@Component
class OsqueryDistributed {

    private final OsqueryProperties properties;
    private final OneShotQueryService queries;
    private final ResultRouter results;
    private final HostPresenceService presence;
    private final OsqueryNodeStore nodes;
    private final Counter unknownAnswers;

    OsqueryDistributed(
            OsqueryProperties properties,
            OneShotQueryService queries,
            ResultRouter results,
            HostPresenceService presence,
            OsqueryNodeStore nodes,
            MeterRegistry meters) {
        this.properties = properties;
        this.queries = queries;
        this.results = results;
        this.presence = presence;
        this.nodes = nodes;
        this.unknownAnswers = meters.counter("hub.osquery.distributed.unknown");
    }

    OsqueryAnswer read(OsqueryHostState host) {
        Instant now = Instant.now();
        host.queueAddressesIfDue(now, properties.addressRefresh());
        ObjectNode body = OsqueryAnswer.JSON.createObjectNode();
        ObjectNode out = body.putObject("queries");
        for (PendingQuery q : host.handOut(now)) {
            out.put(q.name(), q.sql());
        }
        if (host.hasPending()) {
            body.put("accelerate", properties.accelerate());
        }
        return OsqueryAnswer.ok(body);
    }

    OsqueryAnswer write(OsqueryHostState host, JsonNode body) {
        JsonNode answers = body.path("queries");
        JsonNode statuses = body.path("statuses");
        JsonNode messages = body.path("messages");
        Set<String> names = new LinkedHashSet<>();
        answers.propertyNames().forEach(names::add);
        statuses.propertyNames().forEach(names::add);
        Instant now = Instant.now();
        for (String name : names) {
            PendingQuery pending = host.answered(name);
            if (pending == null) {
                unknownAnswers.increment();
                continue;
            }
            Long status = OsqueryJson.number(statuses, name);
            JsonNode rows = answers.path(name);
            if (OsqueryHostState.ADDRESSES.equals(name)) {
                if (status == null || status == 0) {
                    addresses(host.hostId(), rows);
                }
            } else if (status != null && status != 0) {
                String message = OsqueryJson.text(messages, name);
                queries.failed(
                        name,
                        host.hostId(),
                        message == null || message.isBlank() ? "osquery status " + status : message);
            } else if (rows.isArray() && !rows.isEmpty()) {
                List<String> columns = columns(pending.sql(), rows.get(0));
                for (JsonNode row : rows) {
                    results.accept(new AgentRow(
                            host.hostId(),
                            OsqueryEnrollment.TRANSPORT,
                            RowUpdate.SNAPSHOT,
                            name,
                            OsqueryLogs.values(columns, row::get),
                            now));
                }
            } else {
                queries.answeredEmpty(name, host.hostId());
            }
        }
        return OsqueryAnswer.ok();
    }

    /** The one-shot query's columns (as its answers are stored under), else the row's own names. */
    private static List<String> columns(String sql, JsonNode firstRow) {
        try {
            return QueryAnalyzer.analyze(sql, null).columns();
        } catch (RuntimeException e) {
            List<String> names = new ArrayList<>();
            firstRow.propertyNames().forEach(names::add);
            return names;
        }
    }

    /** The host's {@code interface_addresses}, loopback left out, become its announced addresses. */
    private void addresses(String hostId, JsonNode rows) {
        Set<String> addresses = new LinkedHashSet<>();
        if (rows.isArray()) {
            for (JsonNode row : rows) {
                String text = OsqueryJson.text(row, "address");
                if (text != null) {
                    IpAddresses.parse(text)
                            .filter(a -> !a.isLoopbackAddress())
                            .ifPresent(a -> addresses.add(IpAddresses.format(a)));
                }
            }
        }
        nodes.byHost(hostId)
                .ifPresent(n -> presence.registerAgent(new AgentAnnouncement(
                        hostId,
                        n.hostname(),
                        null,
                        n.groups().stream().sorted().toList(),
                        n.osqueryVersion(),
                        OsqueryEnrollment.TRANSPORT,
                        List.copyOf(addresses),
                        OsqueryEnrollment.TRANSPORT)));
    }
}
