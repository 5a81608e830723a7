package io.zeekagent.hub.cluster;

import java.util.Map;

/**
 * Calls to the other replicas' internal lookup API as the {@code cluster} health component shows them: per replica
 * asked, the last outcome, when, and the failures in a row. Provided by attribution with the kafka engine.
 */
public interface PeerStatus {

    /** Details shown under {@code peers}: {@code status} ({@code ok} or {@code degraded}) and one entry per replica. */
    Map<String, Object> details();
}
