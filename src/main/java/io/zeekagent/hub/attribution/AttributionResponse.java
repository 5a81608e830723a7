package io.zeekagent.hub.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The attribution of one conn.log record: Zeek-spelled fields as conn.log would carry them, plus the details.
 *
 * @param uid the record's Zeek connection uid, echoed
 * @param communityId Community ID v1 (seed 0), or {@code null} for a transport without one
 * @param origSeuids seuids of the originator host's matching events, by event time
 * @param respSeuids seuids of the responder host's matching events, by event time
 * @param matches every match with host and process details, by event time
 * @param tier where the matches came from
 * @param complete whether every tier the rules needed was consulted
 * @param incomplete why the answer may miss events (empty when complete)
 */
public record AttributionResponse(
        @Schema(example = "CHhAvVGS1DHFjwGM9") @Nullable String uid,

        @JsonProperty("community_id") @Schema(example = "1:LQU9qZlK+B5F3KDmev6m5PMibrg=") @Nullable
        String communityId,

        @JsonProperty("orig_seuids") List<String> origSeuids,
        @JsonProperty("resp_seuids") List<String> respSeuids,
        List<AttributionMatch> matches,

        @Schema(
                description = "Where the matches came from: `memory` (the in-memory index), `database` (the"
                        + " cold tier: events memory no longer holds), both, or `none` (no match)",
                allowableValues = {"memory", "database", "memory+database", "none"},
                example = "memory")
        String tier,

        @Schema(
                description = "True when every tier the rules needed for this connection was consulted; false"
                        + " when events may be missing (see `incomplete`)",
                example = "true")
        boolean complete,

        @ArraySchema(
                schema =
                        @Schema(
                                allowableValues = {
                                    "retention",
                                    "cold-tier-disabled",
                                    "cold-tier-unavailable",
                                    "ingest-backlog",
                                    "community-id-unknown",
                                    "replica-unreachable",
                                    "rebalancing"
                                }),
                arraySchema =
                        @Schema(
                                description = "Why the answer may miss events: `retention` (ts older than"
                                        + " the retention window), `cold-tier-disabled` (memory no longer"
                                        + " holds that time and the database tier is off),"
                                        + " `cold-tier-unavailable` (database error or timeout; memory's"
                                        + " answer returned), `ingest-backlog` (events of that time may"
                                        + " still be buffered), `community-id-unknown` (only a `community_id`"
                                        + " was given and the hub has not seen that flow with its addresses and"
                                        + " ports: no attribution was tried); with replicas also"
                                        + " `replica-unreachable` (the replica holding a host's memory tier did not"
                                        + " answer; the database answered for it) and `rebalancing` (the host's"
                                        + " index partition is moving or replaying from Kafka; the database"
                                        + " answered too)"))
        List<String> incomplete) {}
