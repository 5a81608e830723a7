package io.zeekagent.hub.host;

import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.cluster.HostsOrphaned;
import io.zeekagent.hub.net.IpAddresses;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hosts as agents make them: registration from announcements and liveness (ONLINE, OFFLINE, last seen). A hub
 * restart brings thousands of announcements at once, so {@link #apply} takes many changes and writes them in one
 * transaction with the hosts concerned read in one query. Publishes {@link HostAddressesChanged} inside the
 * transaction, as {@link HostService} does. With replicas ({@link HostOwnership}) an announcement claims the host for
 * this replica, hearing from a host that has no owner claims it again (see {@link PresenceChange.Seen}), and a
 * departure only counts when this replica owned the host.
 */
@Service
public class HostPresenceService {

    private static final Logger log = LoggerFactory.getLogger(HostPresenceService.class);

    private final HostRepository hosts;
    private final ApplicationEventPublisher events;
    private final HostOwnership ownership;
    private final Clock clock;

    HostPresenceService(HostRepository hosts, ApplicationEventPublisher events, HostOwnership ownership, Clock clock) {
        this.hosts = hosts;
        this.events = events;
        this.ownership = ownership;
        this.clock = clock;
    }

    /**
     * Applies the changes in order, in one transaction.
     *
     * @return per change: for {@link PresenceChange.Announced} whether it was a reconnect (the host had been seen
     *     before, so everything it should run must be delivered again); for {@link PresenceChange.Seen} whether
     *     the host is known (an unknown host is not created; a known one without an owner is claimed again); for
     *     {@link PresenceChange.Left} whether it is known and this replica owned it
     */
    @Transactional
    public boolean[] apply(List<PresenceChange> changes) {
        Set<String> ids = new LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.hostId()));
        // Claim before reading: a leader releasing the same hosts holds their ownership rows until it commits.
        changes.stream()
                .filter(PresenceChange.Announced.class::isInstance)
                .map(PresenceChange::hostId)
                .sorted()
                .distinct()
                .forEach(ownership::claim);
        Map<String, Host> loaded = new HashMap<>();
        hosts.findAllById(ids).forEach(h -> loaded.put(h.getHostId(), h));
        Instant now = now();
        boolean[] results = new boolean[changes.size()];
        for (int i = 0; i < results.length; i++) {
            PresenceChange change = changes.get(i);
            Host host = loaded.get(change.hostId());
            HostStatus before = host == null ? null : host.getStatus();
            if (change instanceof PresenceChange.Announced a) {
                results[i] = host != null && host.getFirstSeen() != null;
                ownership.claim(change.hostId()); // again: a departure earlier in this batch may have released it
                loaded.put(change.hostId(), register(host, a.announcement(), now));
            } else if (host != null && change instanceof PresenceChange.Seen seen) {
                results[i] = true;
                if (seen.notOwnedHere() || host.getStatus() != HostStatus.ONLINE) {
                    // Its agent is connected here, yet the host may have no owner: released while the agent stayed.
                    ownership.reclaim(change.hostId());
                }
                seen(host, now);
            } else if (host != null) {
                // Only the owner's view counts: the agent may already be connected to another replica.
                results[i] = ownership.release(change.hostId());
                if (results[i] && host.getStatus() == HostStatus.ONLINE) {
                    host.setStatus(HostStatus.OFFLINE);
                    host.setUpdatedAt(now);
                }
            }
            Host after = loaded.get(change.hostId());
            if (after != null && after.getStatus() != before) {
                events.publishEvent(new HostStatusChanged(change.hostId(), after.getStatus()));
            }
        }
        return results;
    }

    /**
     * Creates or updates a host from its agent's announcement and marks it ONLINE.
     *
     * @return whether this was a reconnect: the host had been seen before
     */
    @Transactional
    public boolean registerAgent(AgentAnnouncement announcement) {
        return apply(List.of(new PresenceChange.Announced(announcement)))[0];
    }

    /** Marks a connected host OFFLINE (its agent left); unknown or never-connected hosts are left alone. */
    @Transactional
    public void markOffline(String hostId) {
        apply(List.of(new PresenceChange.Left(hostId)));
    }

    /**
     * Records that a host was heard from: updates {@code lastSeen} and makes it ONLINE, claiming it again if it has
     * no owner (see {@link PresenceChange.Seen}). Writes at most once a second per host; callers on a hot path should
     * still batch.
     *
     * @return whether the host is known; an unknown host is not created (it has not announced itself)
     */
    @Transactional
    public boolean touch(String hostId) {
        return apply(List.of(new PresenceChange.Seen(hostId)))[0];
    }

    /** The leader released the hosts of dead replicas: they are OFFLINE until their agents reappear somewhere. */
    @EventListener
    @Transactional
    public void hostsOrphaned(HostsOrphaned orphaned) {
        int n = hosts.markOffline(orphaned.hostIds(), now());
        log.info("Marked {} hosts of expired replicas {} OFFLINE", n, orphaned.replicaIds());
    }

    /** Ids of the hosts currently ONLINE. */
    @Transactional(readOnly = true)
    public Set<String> onlineHostIds() {
        return new TreeSet<>(hosts.findOnlineHostIds());
    }

    /** Ids of the hosts currently ONLINE over {@code transport}, in one query. */
    @Transactional(readOnly = true)
    public Set<String> onlineHostIds(String transport) {
        return new TreeSet<>(hosts.findOnlineHostIdsByTransport(transport));
    }

    private Host register(@Nullable Host existing, AgentAnnouncement announcement, Instant now) {
        Host host = existing == null ? new Host(announcement.hostId(), HostStatus.ONLINE, now) : existing;
        boolean addressesChanged = existing == null;
        if (announcement.hostname() != null && !announcement.hostname().equals(host.getHostname())) {
            host.setHostname(announcement.hostname());
            addressesChanged = true;
        }
        addressesChanged |= host.replaceAnnouncedAddresses(normalize(announcement));
        host.replaceAnnouncedGroups(announcement.groups());
        host.setPeerName(announcement.peerName());
        host.setAgentVersion(announcement.version());
        host.setEdition(announcement.edition());
        host.setTransport(announcement.transport());
        host.setStatus(HostStatus.ONLINE);
        host.seen(now);
        host.setUpdatedAt(now);
        if (existing == null) {
            hosts.save(host);
        }
        if (addressesChanged) {
            events.publishEvent(new HostAddressesChanged(host.toAddresses(), false));
        }
        return host;
    }

    private static void seen(Host host, Instant now) {
        Instant last = host.getLastSeen();
        if (host.getStatus() != HostStatus.ONLINE || last == null || last.isBefore(now.minusSeconds(1))) {
            host.setStatus(HostStatus.ONLINE);
            host.seen(now);
        }
    }

    private static Set<String> normalize(AgentAnnouncement announcement) {
        Set<String> result = new LinkedHashSet<>();
        for (String address : announcement.addresses()) {
            IpAddresses.normalize(address)
                    .ifPresentOrElse(
                            result::add,
                            () -> log.debug(
                                    "Ignoring invalid address '{}' announced by {}", address, announcement.hostId()));
        }
        return result;
    }

    private Instant now() {
        // Databases keep microseconds; truncating keeps what is returned equal to what is read back later.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
