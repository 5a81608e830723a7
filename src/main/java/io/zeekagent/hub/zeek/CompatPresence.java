package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.zeromq.AgentChannel;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The seed's {@code ZeekAgent::host_connected} / {@code host_disconnected(host_id)} for compat scripts: the ONLINE
 * hosts are compared every {@code hub.zeek.hello-interval}, and each change goes to the inbox of every Zeek that used
 * the compat API; a Zeek heard from for the first time (or from a new process) gets {@code host_connected} for every
 * host already ONLINE, as the seed's scripts saw agents connect after they started.
 */
final class CompatPresence {

    private static final Logger log = LoggerFactory.getLogger(CompatPresence.class);

    private final AgentChannel channel;
    private final CompatRegistry registry;
    private final Supplier<Set<String>> online;
    private final Function<String, @Nullable String> hostnames;
    private Set<String> last = Set.of();

    CompatPresence(
            AgentChannel channel,
            CompatRegistry registry,
            Supplier<Set<String>> online,
            Function<String, @Nullable String> hostnames) {
        this.channel = channel;
        this.registry = registry;
        this.online = online;
        this.hostnames = hostnames;
    }

    /** A Zeek process first heard from: every host ONLINE now is "connected" for it. */
    void welcome(String inbox) {
        for (String hostId : new TreeSet<>(online.get())) {
            connected(inbox, hostId);
        }
    }

    /** {@code compat_host_info} (for {@code getHostInfo}) when the hub knows the name, then {@code host_connected}. */
    private void connected(String inbox, String hostId) {
        String hostname;
        try {
            hostname = hostnames.apply(hostId);
        } catch (RuntimeException e) {
            hostname = null;
        }
        if (hostname != null) {
            channel.publish(
                    inbox,
                    ZeekEvent.of(CompatEvents.HOST_INFO, BrokerValue.string(hostId), BrokerValue.string(hostname)));
        }
        channel.publish(inbox, ZeekEvent.of(CompatEvents.HOST_CONNECTED, BrokerValue.string(hostId)));
    }

    @Scheduled(fixedDelayString = "${hub.zeek.hello-interval:5s}")
    synchronized void poll() {
        Set<String> now;
        try {
            now = Set.copyOf(online.get());
        } catch (RuntimeException e) {
            log.debug("Could not read the ONLINE hosts; trying again next time", e);
            return;
        }
        if (registry.inboxes().isEmpty()) {
            last = now;
            return;
        }
        Set<String> gone = new HashSet<>(last);
        gone.removeAll(now);
        Set<String> came = new HashSet<>(now);
        came.removeAll(last);
        last = now;
        for (String inbox : registry.inboxes()) {
            new TreeSet<>(came)
                    .forEach(h ->
                            channel.publish(inbox, ZeekEvent.of(CompatEvents.HOST_CONNECTED, BrokerValue.string(h))));
            new TreeSet<>(gone)
                    .forEach(h -> channel.publish(
                            inbox, ZeekEvent.of(CompatEvents.HOST_DISCONNECTED, BrokerValue.string(h))));
        }
    }
}
