package io.zeekagent.hub.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * How complete one attribution is: which tier its matches came from and why it may miss events. Reused record
 * after record by the batch formats; not thread-safe.
 */
final class Completeness {

    static final int MEMORY = 1;
    static final int DATABASE = 2;

    static final int RETENTION = 1;
    static final int COLD_DISABLED = 2;
    static final int COLD_UNAVAILABLE = 4;
    static final int INGEST_BACKLOG = 8;
    /** Cluster mode: the replica holding a candidate host's hot index could not be asked; its cold tier answered. */
    static final int REPLICA_UNREACHABLE = 16;
    /** Cluster mode: the host's index partition is moving or replaying; the cold tier answered too. */
    static final int REBALANCING = 32;

    /** The reason names, by bit. */
    static final List<String> REASONS = List.of(
            "retention",
            "cold-tier-disabled",
            "cold-tier-unavailable",
            "ingest-backlog",
            "replica-unreachable",
            "rebalancing");

    /** The tier names, by {@link #MEMORY}/{@link #DATABASE} bits. */
    static final List<String> TIERS = List.of("none", "memory", "database", "memory+database");

    int tiers;
    int reasons;

    void clear() {
        tiers = 0;
        reasons = 0;
    }

    String tier() {
        return TIERS.get(tiers);
    }

    boolean complete() {
        return reasons == 0;
    }

    List<String> incomplete() {
        List<String> out = new ArrayList<>(2);
        for (int bit = 0; bit < REASONS.size(); bit++) {
            if ((reasons & (1 << bit)) != 0) {
                out.add(REASONS.get(bit));
            }
        }
        return out;
    }
}
