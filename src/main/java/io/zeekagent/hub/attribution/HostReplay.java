package io.zeekagent.hub.attribution;

/**
 * Whether this replica is still replaying a host's events into memory (hub replicas, after a partition moved here):
 * until then memory may miss any of the host's events, so attribution asks the database for them and says
 * {@code rebalancing}. The cluster's event stream implements it; on a single node nothing is ever replaying.
 */
public interface HostReplay {

    /** Nothing is replaying: a single node. */
    HostReplay NONE = new HostReplay() {
        @Override
        public boolean any() {
            return false;
        }

        @Override
        public boolean replaying(String hostId) {
            return false;
        }
    };

    /** Whether any host is replaying now (cheap: checked once per lookup group). */
    boolean any();

    /** Whether this host's events are still being replayed here. */
    boolean replaying(String hostId);
}
