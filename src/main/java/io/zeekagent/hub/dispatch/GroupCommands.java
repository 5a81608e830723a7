package io.zeekagent.hub.dispatch;

import io.zeekagent.hub.activity.ActivityLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The dispatcher's {@code host_join}/{@code host_leave} side: group changes made over REST, and the joins a host
 * that (re)announced itself still needs for groups it did not announce. Changes arrive from any thread; everything
 * else runs on the tick's thread. With replicas ({@code shared}) a REST change may be made on a replica that does not
 * hold the agent, so the owner instead compares each host's effective groups with those of its previous tick and
 * sends the difference: a change reaches the agent within one tick of being committed, wherever it was made.
 */
final class GroupCommands {

    private final AgentTransports transports;
    private final ActivityLog activity;
    private final ConcurrentLinkedQueue<GroupChange> changes = new ConcurrentLinkedQueue<>();
    /** Hosts that announced themselves, with the groups they announced, until they are online to be joined. */
    private final Map<String, Set<String>> pendingJoins = new HashMap<>();
    /** With replicas: each owned host's effective groups at the previous tick. */
    private final Map<String, Set<String>> previous = new HashMap<>();

    private final boolean shared;

    GroupCommands(AgentTransports transports, ActivityLog activity, boolean shared) {
        this.transports = transports;
        this.activity = activity;
        this.shared = shared;
    }

    /** Groups assigned or removed over REST (any thread). */
    void changed(String hostId, Set<String> added, Set<String> removed) {
        changes.add(new GroupChange(hostId, Set.copyOf(added), Set.copyOf(removed)));
    }

    /** A host announced these groups; it is joined to its other effective groups once online (tick thread). */
    void announced(String hostId, Set<String> announcedGroups) {
        pendingJoins.put(hostId, announcedGroups);
    }

    /** The host was deleted (tick thread). */
    void forget(String hostId) {
        pendingJoins.remove(hostId);
        previous.remove(hostId);
    }

    /** Sends what is due to the online hosts; offline hosts get their joins when they next announce themselves. */
    void send(List<DispatchHost> online) {
        Map<String, DispatchHost> byId = new HashMap<>();
        online.forEach(h -> byId.put(h.hostId(), h));
        for (GroupChange g; (g = changes.poll()) != null; ) {
            DispatchHost host = byId.get(g.hostId());
            if (host != null && !shared) {
                AgentTransport t = transports.find(host.transport()).orElseThrow();
                g.added().forEach(group -> join(t, host, group));
                g.removed().forEach(group -> leave(t, host, group));
            }
        }
        pendingJoins.entrySet().removeIf(e -> {
            DispatchHost host = byId.get(e.getKey());
            if (host == null) {
                return false;
            }
            AgentTransport t = transports.find(host.transport()).orElseThrow();
            host.groups().stream()
                    .filter(group -> !e.getValue().contains(group))
                    .sorted()
                    .forEach(group -> join(t, host, group));
            previous.put(host.hostId(), Set.copyOf(host.groups()));
            return true;
        });
        if (shared) {
            sendDifferences(online);
        }
    }

    private void sendDifferences(List<DispatchHost> online) {
        for (DispatchHost host : online) {
            Set<String> now = Set.copyOf(host.groups());
            Set<String> before = previous.put(host.hostId(), now);
            if (before == null || before.equals(now)) {
                continue; // first tick owning it: the announcement's joins cover it
            }
            AgentTransport t = transports.find(host.transport()).orElseThrow();
            now.stream().filter(g -> !before.contains(g)).sorted().forEach(g -> join(t, host, g));
            before.stream().filter(g -> !now.contains(g)).sorted().forEach(g -> leave(t, host, g));
        }
    }

    private void join(AgentTransport t, DispatchHost host, String group) {
        t.join(host.hostId(), group);
        activity.record(
                ActivityLog.SOURCE_HOST, host.hostId(), ActivityLog.Level.INFO, "Joining group '" + group + "'");
    }

    private void leave(AgentTransport t, DispatchHost host, String group) {
        t.leave(host.hostId(), group);
        activity.record(
                ActivityLog.SOURCE_HOST, host.hostId(), ActivityLog.Level.INFO, "Leaving group '" + group + "'");
    }

    /** Groups assigned or removed over REST. */
    private record GroupChange(String hostId, Set<String> added, Set<String> removed) {}
}
