package io.zeekagent.hub.host;

/**
 * One thing an agent transport learned about a host's presence, applied in order with others in one transaction by
 * {@link HostPresenceService#apply}.
 */
public sealed interface PresenceChange {

    /** The host concerned. */
    String hostId();

    /** The agent announced itself: create or update the host and mark it ONLINE. */
    record Announced(AgentAnnouncement announcement) implements PresenceChange {

        public Announced {
            if (announcement.hostId().isBlank()) {
                throw new IllegalArgumentException("An announcement needs a host id");
            }
        }

        @Override
        public String hostId() {
            return announcement.hostId();
        }
    }

    /**
     * The agent was heard from without announcing itself: a known host goes ONLINE again, and one left without an
     * owner (the leader released it while its agent stayed connected here) is claimed again if no replica owns it.
     * Whether it has an owner is only asked when the host is not ONLINE, or when the caller already knows this
     * replica does not own it, so hearing from a host that is ONLINE costs no ownership read.
     *
     * @param hostId the host
     * @param notOwnedHere the caller found that this replica does not own the host (with replicas), so it is
     *     claimed again whatever its status, if no replica owns it
     */
    record Seen(String hostId, boolean notOwnedHere) implements PresenceChange {

        /** Heard from, with nothing known about its owner. */
        public Seen(String hostId) {
            this(hostId, false);
        }
    }

    /** The agent left: an ONLINE host goes OFFLINE. */
    record Left(String hostId) implements PresenceChange {}
}
