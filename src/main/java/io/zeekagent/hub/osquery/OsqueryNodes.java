package io.zeekagent.hub.osquery;

import io.zeekagent.hub.dispatch.DispatchService;
import io.zeekagent.hub.host.HostAddressesChanged;
import io.zeekagent.hub.host.HostPresenceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Enrolled osquery nodes at run time: node key → host (the hash looked up once, then cached), each host's
 * {@link OsqueryHostState}, and presence. The first request of a host in this run makes dispatch deliver everything
 * to it again and runs a dispatch tick at once, so the config it is about to get already holds its schedule (also
 * after a hub restart, when nothing is in memory yet). A deleted host's key stops working at once.
 */
@Component
class OsqueryNodes {

    /** Presence is written to the database at most this often per host; requests only touch memory. */
    private static final Duration PRESENCE_WRITE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OsqueryNodes.class);

    private final OsqueryNodeStore store;
    private final HostPresenceService presence;
    private final DispatchService dispatch;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, String> hostByKeyHash = new ConcurrentHashMap<>();
    private final Map<String, OsqueryHostState> states = new ConcurrentHashMap<>();

    OsqueryNodes(OsqueryNodeStore store, HostPresenceService presence, DispatchService dispatch) {
        this.store = store;
        this.presence = presence;
        this.dispatch = dispatch;
    }

    /** The host whose node key this is, if any. */
    Optional<String> authenticate(String nodeKey) {
        if (nodeKey.isEmpty() || nodeKey.length() > 512) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(nodeKey);
        String hostId = hostByKeyHash.get(hash);
        if (hostId != null) {
            return Optional.of(hostId);
        }
        Optional<OsqueryNode> node = store.byKeyHash(hash);
        node.ifPresent(n -> {
            if (hostByKeyHash.size() > 1_000_000) {
                hostByKeyHash.clear();
            }
            hostByKeyHash.put(hash, n.hostId());
        });
        return node.map(OsqueryNode::hostId);
    }

    /** A node enrolled: its new key replaces the old one, which stops working at once. */
    void enrolled(String hostId, String newKeyHash) {
        hostByKeyHash.values().removeIf(hostId::equals);
        hostByKeyHash.put(newKeyHash, hostId);
        OsqueryHostState state = state(hostId);
        state.unprime();
        state.addressesAsked(clock.instant());
    }

    /**
     * An authenticated request arrived from the host: it is alive. Primes the host on its first request in this run
     * and writes presence at most every few seconds.
     */
    OsqueryHostState contact(String hostId) {
        Instant now = clock.instant();
        OsqueryHostState state = state(hostId);
        state.seen(now);
        if (state.offline() || state.lastPresenceWrite().plus(PRESENCE_WRITE).isBefore(now)) {
            presence.touch(hostId);
            state.presenceWritten(now);
        }
        if (state.startPriming()) {
            // Not under the state's lock: the tick calls back into this host's state from its own thread too.
            Set<String> groups = store.byHost(hostId).map(OsqueryNode::groups).orElse(Set.of());
            dispatch.hostAnnounced(hostId, groups);
            try {
                dispatch.tick();
            } catch (RuntimeException e) {
                // The scheduled tick delivers a little later; the config then follows at the next refresh.
                log.warn("Dispatch tick for osquery host {} failed: {}", hostId, e.toString());
            }
        }
        return state;
    }

    /** The host's state, created on first use. */
    OsqueryHostState state(String hostId) {
        return states.computeIfAbsent(hostId, id -> new OsqueryHostState(id, clock.instant()));
    }

    Optional<OsqueryHostState> find(String hostId) {
        return Optional.ofNullable(states.get(hostId));
    }

    Collection<OsqueryHostState> all() {
        return states.values();
    }

    /** Only after the deletion is committed: a rolled-back deletion must keep the key working. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(HostAddressesChanged event) {
        if (event.deleted()) {
            String hostId = event.host().hostId();
            hostByKeyHash.values().removeIf(hostId::equals);
            states.remove(hostId);
        }
    }
}
