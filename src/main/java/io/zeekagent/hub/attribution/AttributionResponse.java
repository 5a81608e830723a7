package io.zeekagent.hub.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 */
public record AttributionResponse(
        @Schema(example = "CHhAvVGS1DHFjwGM9") @Nullable String uid,

        @JsonProperty("community_id") @Schema(example = "1:LQU9qZlK+B5F3KDmev6m5PMibrg=") @Nullable
        String communityId,

        @JsonProperty("orig_seuids") List<String> origSeuids,
        @JsonProperty("resp_seuids") List<String> respSeuids,
        List<AttributionMatch> matches) {}
