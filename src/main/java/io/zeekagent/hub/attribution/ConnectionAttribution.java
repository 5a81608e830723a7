package io.zeekagent.hub.attribution;

import java.util.List;

/**
 * One connection's attribution for in-process callers ({@link AttributionService#attribute(String, int, String,
 * int, String, java.time.Instant)}), e.g. live Zeek enrichment.
 *
 * @param origSeuids seuids of the originator host's matching events, by event time
 * @param respSeuids seuids of the responder host's matching events, by event time
 * @param tier {@code memory}, {@code database}, {@code memory+database}, or {@code none} (no match)
 * @param complete whether every tier the rules needed was consulted
 * @param incomplete reasons when not: {@code retention}, {@code cold-tier-disabled}, {@code cold-tier-unavailable},
 *     {@code ingest-backlog}
 */
public record ConnectionAttribution(
        List<String> origSeuids, List<String> respSeuids, String tier, boolean complete, List<String> incomplete) {}
