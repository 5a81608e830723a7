package io.zeekagent.hub.osquery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.host.AgentAnnouncement;
import io.zeekagent.hub.host.HostDetailsService;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.host.HostService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /enroll}: checks the enroll secret, registers the host under the {@code host_identifier} it sent, and
 * hands out a fresh node key (only its hash is stored). Enrolling again replaces the key; enrolling again from
 * another {@code instance_id} (a cloned machine, two hosts with one identifier) is counted and logged, and the
 * other instance gets {@code node_invalid} at its next request.
 */
@Component
class OsqueryEnrollment {

    /** The {@code transport} of osquery hosts. */
    static final String TRANSPORT = "osquery";

    private final EnrollSecretService secrets;
    private final OsqueryNodeStore store;
    private final OsqueryNodes nodes;
    private final HostService hosts;
    private final HostPresenceService presence;
    private final HostDetailsService details;
    private final ActivityLog activity;
    private final EnrollRateLimiter limiter;
    private final Counter duplicates;
    private final Counter refused;

    OsqueryEnrollment(
            EnrollSecretService secrets,
            OsqueryNodeStore store,
            OsqueryNodes nodes,
            HostService hosts,
            HostPresenceService presence,
            HostDetailsService details,
            ActivityLog activity,
            OsqueryProperties properties,
            MeterRegistry meters) {
        this.secrets = secrets;
        this.store = store;
        this.nodes = nodes;
        this.hosts = hosts;
        this.presence = presence;
        this.details = details;
        this.activity = activity;
        this.limiter = new EnrollRateLimiter(properties.enrollPerMinute(), System::nanoTime);
        this.duplicates = meters.counter("hub.osquery.enroll.duplicates");
        this.refused = meters.counter("hub.osquery.enroll.refused");
    }

    /** Takes one enrollment of the address's allowance, before its body is even read; an answer when refused. */
    Optional<OsqueryAnswer> throttle(String remoteAddress) {
        if (limiter.tryAcquire(remoteAddress)) {
            return Optional.empty();
        }
        refused.increment();
        return Optional.of(OsqueryAnswer.error(429, "too many enrollments from " + remoteAddress + "; retry later"));
    }

    OsqueryAnswer enroll(JsonNode body, String remoteAddress) {
        Optional<EnrollSecret> secret = secrets.match(OsqueryJson.text(body, "enroll_secret"));
        if (secret.isEmpty()) {
            refused.increment();
            activity.record(
                    ActivityLog.SOURCE_LOCAL,
                    remoteAddress,
                    ActivityLog.Level.WARNING,
                    "osquery enrollment refused from " + remoteAddress + ": unknown enroll secret");
            return OsqueryAnswer.error(403, "invalid enroll secret");
        }
        String identifier = OsqueryJson.text(body, "host_identifier");
        String hostId = identifier == null ? "" : identifier.strip();
        if (hostId.isEmpty() || hostId.length() > 255 || hostId.chars().anyMatch(Character::isISOControl)) {
            refused.increment();
            return OsqueryAnswer.error(400, "host_identifier must be 1 to 255 printable characters");
        }
        JsonNode hostDetails = body.path("host_details");
        String instanceId = OsqueryJson.text(hostDetails.path("osquery_info"), "instance_id");
        String version = OsqueryJson.text(hostDetails.path("osquery_info"), "version");
        String hostname = firstOf(
                OsqueryJson.text(hostDetails.path("system_info"), "hostname"),
                OsqueryJson.text(hostDetails.path("system_info"), "computer_name"),
                hostId);
        String platformType = OsqueryJson.text(body, "platform_type");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<OsqueryNode> previous = store.byHost(hostId);
        List<String> addresses = hosts.find(hostId)
                .map(HostResponse::announcedAddresses)
                .map(List::copyOf)
                .orElse(List.of());
        EnrollSecret used = secret.get();
        presence.registerAgent(new AgentAnnouncement(
                hostId,
                hostname,
                null,
                used.groups().stream().sorted().toList(),
                version,
                TRANSPORT,
                addresses,
                TRANSPORT));
        String key = Secrets.newKey();
        String keyHash = Secrets.sha256(key);
        store.save(new OsqueryNode(
                hostId,
                keyHash,
                instanceId,
                hostname,
                version,
                platformType,
                used.groups(),
                now,
                previous.map(p -> p.enrollments() + 1).orElse(1L)));
        nodes.enrolled(hostId, keyHash);
        details.record(hostId, OsqueryHostDetails.from(platformType, hostDetails, now));
        boolean clone = previous.isPresent()
                && previous.get().instanceId() != null
                && instanceId != null
                && !Objects.equals(previous.get().instanceId(), instanceId);
        if (clone) {
            duplicates.increment();
            activity.record(
                    ActivityLog.SOURCE_HOST,
                    hostId,
                    ActivityLog.Level.WARNING,
                    "osquery host enrolled again from another instance (" + instanceId + ", was "
                            + previous.get().instanceId() + ", from " + remoteAddress + "): the other instance's"
                            + " node key no longer works. Two machines with one host identifier (a cloned VM?)"
                            + " take the key from each other; give each its own --specified_identifier.");
        } else {
            activity.record(
                    ActivityLog.SOURCE_HOST,
                    hostId,
                    ActivityLog.Level.INFO,
                    "osquery " + (version == null ? "" : version + " ") + "host "
                            + (previous.isPresent() ? "enrolled again" : "enrolled") + " from " + remoteAddress + " ("
                            + hostname + ", secret '" + used.name() + "')");
        }
        ObjectNode answer = OsqueryAnswer.JSON.createObjectNode();
        answer.put("node_key", key);
        answer.put("node_invalid", false);
        return OsqueryAnswer.ok(answer);
    }

    private static String firstOf(@Nullable String a, @Nullable String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : fallback;
    }
}
