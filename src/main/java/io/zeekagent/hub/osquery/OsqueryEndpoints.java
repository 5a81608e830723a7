package io.zeekagent.hub.osquery;

import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** What each osquery endpoint does once the request is read and its node authenticated. */
@Component
class OsqueryEndpoints {

    private final OsqueryEnrollment enrollment;
    private final OsqueryNodes nodes;
    private final OsqueryConfigs configs;
    private final OsqueryLogs logs;
    private final OsqueryDistributed distributed;

    OsqueryEndpoints(
            OsqueryEnrollment enrollment,
            OsqueryNodes nodes,
            OsqueryConfigs configs,
            OsqueryLogs logs,
            OsqueryDistributed distributed) {
        this.enrollment = enrollment;
        this.nodes = nodes;
        this.configs = configs;
        this.logs = logs;
        this.distributed = distributed;
    }

    Optional<OsqueryAnswer> throttleEnrollment(String remoteAddress) {
        return enrollment.throttle(remoteAddress);
    }

    OsqueryAnswer enroll(JsonNode body, String remoteAddress) {
        return enrollment.enroll(body, remoteAddress);
    }

    Optional<String> authenticate(String nodeKey) {
        return nodes.authenticate(nodeKey);
    }

    OsqueryAnswer log(String hostId, LogBatch batch) {
        nodes.contact(hostId);
        return logs.log(hostId, batch);
    }

    /** {@code config}, {@code distributed/read} or {@code distributed/write}. */
    OsqueryAnswer call(String endpoint, String hostId, JsonNode body) {
        OsqueryHostState host = nodes.contact(hostId);
        return switch (endpoint) {
            case "config" -> configs.config(host);
            case "distributed/read" -> distributed.read(host);
            case "distributed/write" -> distributed.write(host, body);
            default -> OsqueryAnswer.error(404, "unknown osquery endpoint " + endpoint);
        };
    }
}
