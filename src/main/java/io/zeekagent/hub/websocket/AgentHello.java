package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.StringValue;
import io.zeekagent.hub.broker.TimespanValue;
import io.zeekagent.hub.host.HostDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code ZeekAgentAPI::AgentHelloV1}, the agent's {@code zeek_agent} row (§2.5): 13 fields up to agent 2.3, 12 from
 * 2.4 on ({@code broker} removed). Which one arrived is told by the type of field 11, not by position alone.
 *
 * @param agentId the agent's id
 * @param instanceId the agent process's id, new per start
 * @param hostname the host name
 * @param addresses the addresses of the default-route interface
 * @param platform {@code Linux}, {@code Darwin} or {@code Windows}
 * @param osName the operating system's name
 * @param kernelName the kernel's name
 * @param kernelVersion the kernel's version
 * @param kernelArch the machine architecture
 * @param agentVersion the agent's version number, e.g. {@code 200030019} for 2.3.0-19
 * @param broker the Broker version (agent ≤ 2.3), or {@code null}
 * @param uptime how long the agent has been running
 * @param tables the tables the agent has
 */
record AgentHello(
        String agentId,
        String instanceId,
        String hostname,
        List<String> addresses,
        String platform,
        String osName,
        String kernelName,
        String kernelVersion,
        String kernelArch,
        long agentVersion,
        @Nullable String broker,
        Duration uptime,
        Set<String> tables) {

    AgentHello {
        addresses = List.copyOf(addresses);
        tables = Set.copyOf(tables);
    }

    static AgentHello of(BrokerValue value) {
        List<BrokerValue> f = value.asVector();
        if (f.size() < 12) {
            throw new BrokerFormatException("AgentHelloV1 needs 12 or 13 fields, got " + f.size());
        }
        boolean withBroker = f.size() >= 13 && f.get(10) instanceof StringValue && f.get(11) instanceof TimespanValue;
        int uptime = withBroker ? 11 : 10;
        return new AgentHello(
                f.get(0).asString(),
                text(f.get(1)),
                text(f.get(2)),
                addresses(f.get(3)),
                text(f.get(4)),
                text(f.get(5)),
                text(f.get(6)),
                text(f.get(7)),
                text(f.get(8)),
                f.get(9).isNone() ? 0 : f.get(9).asCount(),
                withBroker ? f.get(10).asString() : null,
                f.get(uptime).isNone() ? Duration.ZERO : f.get(uptime).asTimespan(),
                strings(f.get(uptime + 1)));
    }

    /** What the hello says about the host that the host resource keeps (platform, OS, kernel, tables). */
    HostDetails details(Instant reportedAt) {
        return new HostDetails(platform, osName, kernelName, kernelVersion, kernelArch, tables, reportedAt);
    }

    /** The version as text, {@code M.m.p} or {@code M.m.p-N} (inverse of the agent's {@code parseVersion}). */
    String versionText() {
        long v = agentVersion;
        String text = (v / 100_000_000) + "." + (v / 1_000_000 % 100) + "." + (v / 10_000 % 100);
        return v % 10_000 == 0 ? text : text + "-" + (v % 10_000);
    }

    private static String text(BrokerValue value) {
        return value.isNone() ? "" : value.asString();
    }

    private static List<String> addresses(BrokerValue value) {
        List<String> addresses = new ArrayList<>();
        if (!value.isNone()) {
            for (BrokerValue address : value.asSet()) {
                addresses.add(
                        address instanceof StringValue s
                                ? s.value()
                                : address.asAddress().toString());
            }
        }
        return addresses;
    }

    private static Set<String> strings(BrokerValue value) {
        Set<String> strings = new TreeSet<>();
        if (!value.isNone()) {
            value.asSet().forEach(s -> strings.add(s.asString()));
        }
        return strings;
    }
}
