package io.zeekagent.hub.websocket;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A connected Zeek Agent v2, as it described itself in its last hello; the host resource has the rest.
 *
 * @param agentId the agent id, also the host id
 * @param instanceId the agent process's id, new per start
 * @param hostname the host name
 * @param addresses the addresses of its default-route interface
 * @param platform {@code Linux}, {@code Darwin} or {@code Windows}
 * @param osName the operating system
 * @param kernel kernel name, version and architecture
 * @param agentVersion the agent version
 * @param broker the Broker version the agent was built with (agent ≤ 2.3), if it said
 * @param uptimeSeconds how long the agent had been running at its last hello
 * @param tables the tables it has: subscriptions reading others are not sent to it
 * @param remote the connection's remote address
 * @param connectedAt when this session started
 * @param lastHello when it last said hello
 * @param installedQueries how many of the hub's queries it runs
 */
public record V2AgentResponse(
        String agentId,
        String instanceId,
        String hostname,
        List<String> addresses,
        String platform,
        String osName,
        String kernel,
        String agentVersion,
        @Nullable String broker,
        long uptimeSeconds,
        Set<String> tables,
        String remote,
        Instant connectedAt,
        Instant lastHello,
        int installedQueries) {

    static V2AgentResponse from(V2Session session) {
        AgentHello h = session.hello();
        return new V2AgentResponse(
                session.agentId(),
                h.instanceId(),
                h.hostname(),
                h.addresses(),
                h.platform(),
                h.osName(),
                String.join(" ", h.kernelName(), h.kernelVersion(), h.kernelArch())
                        .strip(),
                h.versionText(),
                h.broker(),
                h.uptime().toSeconds(),
                new TreeSet<>(h.tables()),
                session.peer().remote(),
                session.connectedAt(),
                session.lastHello(),
                session.queries().size());
    }
}
