package io.zeekagent.hub.result;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored result row.
 *
 * @param id increasing in the order rows were stored
 * @param subscriptionId the subscription that produced it
 * @param hostId the host that sent it
 * @param updateType ADD, REMOVE or SNAPSHOT
 * @param receivedAt when the hub received it
 * @param row the values keyed by the subscription's column names
 */
@Schema(
        example = "{\"id\":1201,\"subscriptionId\":\"3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10\","
                + "\"hostId\":\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\",\"updateType\":\"ADD\","
                + "\"receivedAt\":\"2026-11-30T00:02:31.402Z\","
                + "\"row\":{\"pid\":4242,\"exe\":\"/usr/sbin/sshd\"}}")
public record ResultRowResponse(
        long id,
        String subscriptionId,
        String hostId,
        RowUpdate updateType,
        Instant receivedAt,
        Map<String, @Nullable Object> row) {}
