package io.zeekagent.hub.attribution;

import java.io.IOException;
import java.util.List;

/** Asks another replica's internal lookup API; a fake in unit tests, {@link HttpPeerTransport} in replicas. */
interface PeerTransport {

    /**
     * Answers {@code lookups} at the replica whose internal API is at {@code baseUrl}, filling {@code outs} and
     * {@code states} in order (each collector ordered by time).
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
}
