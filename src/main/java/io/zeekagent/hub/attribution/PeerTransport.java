package io.zeekagent.hub.attribution;

import java.io.IOException;
import java.util.List;

/**
 * Asks another replica's internal lookup API; a fake in unit tests, {@link HttpPeerTransport} in replicas, behind a
 * {@link CoalescingPeerTransport} there.
 */
interface PeerTransport {

    /**
     * Answers {@code lookups} at the replica whose internal API is at {@code baseUrl} in one call, filling
     * {@code outs} and {@code states} in order (each collector ordered by time).
     *
     * @throws IOException when the replica cannot be reached, times out, or answers anything but a fitting 200
     */
    void lookup(
            String baseUrl,
            List<HostLookup> lookups,
            boolean details,
            List<MatchCollector> outs,
            List<Completeness> states)
            throws IOException;

    /**
     * Answers {@code lookups} like {@link #lookup(String, List, boolean, List, List)}, counting on {@code peer} every
     * call made for them: here one call, timed. The meters count calls as made, so a transport that combines callers'
     * lookups into fewer calls overrides this and counts each combined call once, with all the lookups it carries.
     *
     * @throws IOException when the call answering these lookups failed (counted on {@code peer} as that call's)
     */
    default void lookup(
            PeerCalls.Peer peer,
            String baseUrl,
            List<HostLookup> lookups,
            boolean details,
            List<MatchCollector> outs,
            List<Completeness> states)
            throws IOException {
        long start = System.nanoTime();
        try {
            lookup(baseUrl, lookups, details, outs, states);
        } catch (IOException | RuntimeException e) {
            peer.failed(lookups.size(), e);
            throw e;
        }
        peer.answered(lookups.size(), System.nanoTime() - start);
    }
}
