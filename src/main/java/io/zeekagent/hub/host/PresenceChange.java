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

    /** The agent was heard from without announcing itself: a known host goes ONLINE again. */
    record Seen(String hostId) implements PresenceChange {}

    /** The agent left: an ONLINE host goes OFFLINE. */
    record Left(String hostId) implements PresenceChange {}
}
