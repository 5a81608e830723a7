package io.zeekagent.hub.dispatch;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a host was last sent of a subscription, and when.
 *
 * @param subscriptionId the subscription
 * @param hostId the host
 * @param version the subscription version that was sent
 * @param state SUBSCRIBED, UNSUBSCRIBED, FAILED or NOT_APPLICABLE
 * @param sentAt when the last command was sent (for NOT_APPLICABLE: when the hub found the host cannot run it)
 * @param message why (e.g. "missing", "changed to version 3", "agent reconnected", "not applicable: the
 *     zeromq-v1 agent lacks table processes (a zeek-agent v2 table)")
 * @param transport the transport used
 * @param event the response event name sent
 * @param query the SQL sent
 * @param updateType the update type sent
 * @param intervalSeconds the interval sent
 */
@Schema(
        example =
                "{\"subscriptionId\":\"3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10\",\"hostId\":\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\",\"version\":2,"
                        + "\"state\":\"SUBSCRIBED\",\"sentAt\":\"2026-11-30T00:02:25Z\",\"message\":\"missing\","
                        + "\"transport\":\"zeromq-v1\",\"event\":\"ZeekAgent::process_events\","
                        + "\"query\":\"SELECT pid, exe FROM process_events\",\"updateType\":\"ADDED\",\"intervalSeconds\":10}")
public record DeliveryResponse(
        String subscriptionId,
        String hostId,
        long version,
        DeliveryState state,
        Instant sentAt,
        @Nullable String message,
        String transport,
        String event,
        String query,
        String updateType,
        long intervalSeconds) {}
