package io.zeekagent.hub.attribution;

import java.util.List;

/**
 * One connection's attribution for in-process callers, e.g. live Zeek enrichment
 * ({@link AttributionService#attributeWithCompleteness(ConnectionQuery)}, or the text form
 * {@link AttributionService#attribute(String, int, String, int, String, java.time.Instant)}): the same answer as
 * {@code POST /api/v1/attributions}, from memory and, where needed, the database.
 *
 * @param origSeuids seuids of the originator host's matching events, by event time
 * @param respSeuids seuids of the responder host's matching events, by event time
 * @param matches every match with host and process details, by event time
 * @param tier {@code memory}, {@code database}, {@code memory+database}, or {@code none} (no match)
 * @param complete whether every tier the rules needed was consulted
 * @param incomplete reasons when not: {@code retention}, {@code cold-tier-disabled}, {@code cold-tier-unavailable},
 *     {@code ingest-backlog}
 */
public record ConnectionAttribution(
        List<String> origSeuids,
        List<String> respSeuids,
        List<AttributionMatch> matches,
        String tier,
        boolean complete,
        List<String> incomplete) {}
